// autocannon ships no type declarations; the bench uses it through a loose surface.
declare module 'autocannon' {
  const autocannon: (opts: Record<string, unknown>, cb: (err: Error | null, result: any) => void) => unknown;
  export default autocannon;
}
