/** What the demo seed hands to each module's demo seeder. */
export type DemoSeedContext = {
  tenantId: string;
  /** OPD id by short name (SETDA, DISKOMINFO, DINKES, …). */
  opdIds: Map<string, string>;
  /** Person id and user id by role code (admin, kepala_dinas, pengelola_ra, asn, …). */
  personIds: Map<string, string>;
  userIds: Map<string, string>;
};
