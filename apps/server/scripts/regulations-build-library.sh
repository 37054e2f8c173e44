#!/bin/sh
# Regenerates the seed library YAML from /work/shared/seeds (or $SEEDS) + the hand-written obligations.
set -e
cd "$(dirname "$0")/.."
S=${SEEDS:-/work/shared/seeds}; L=src/modules/regulations/library; O=$L/obligations; M=scripts/regulations-seed-meta
node scripts/regulations-parse-seed.mjs $S/000_*.txt $M/jbi35.json $O/JBI-35.yaml > $L/jbi-35.yaml
node scripts/regulations-parse-seed.mjs $S/001_*.txt $M/jbi10.json $O/JBI-10.yaml > $L/jbi-10.yaml
node scripts/regulations-parse-seed.mjs $S/002_*.txt $M/jmb.json $O/JMB-49.yaml > $L/jmb-49.yaml
node scripts/regulations-parse-seed.mjs $S/003_*.txt $M/mdn.json $O/MDN-30.yaml > $L/mdn-30.yaml
node scripts/regulations-parse-seed.mjs $S/004_*.txt $M/mjk40.json $O/MJK-40.yaml > $L/mjk-40.yaml
