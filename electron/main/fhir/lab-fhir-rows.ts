import type { labOrderTests, labOrders, labReports, labResults } from '../db/schema';

/** A row as `SELECT *` returns it (SQLite's 0/1 for the schema's booleans). */
type Stored<T> = { [K in keyof T]: T[K] extends boolean ? boolean | number : T[K] };

export type LabOrderRow = Stored<typeof labOrders.$inferSelect>;
export type LabOrderTestRow = Stored<typeof labOrderTests.$inferSelect>;
export type LabReportRow = Stored<typeof labReports.$inferSelect>;
export type LabResultRow = Stored<typeof labResults.$inferSelect>;

/** Our LOINC codes are in the LOINC system; a lab's own code keeps the system it came with. */
export function testCoding(code: string, system: string, display: string) {
  return { coding: [{ system, code, display }], text: display };
}
