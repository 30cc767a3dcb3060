/**
 * Every read a new or reviewed lab result changes: the visit's orders and their status, the inbox and
 * its badge, the chart's reports, trends and cumulative views. Whatever writes results (entered,
 * imported, reconciled) or reviews them asks all of them again, so a screen opened next is current.
 */
export const LAB_RESULT_READS = [
  'labs.orders.list',
  'labs.orders.get',
  'labs.review.inbox',
  'labs.review.counts',
  'labs.review.report',
  'labs.review.patientReports',
  'labs.review.trend',
  'labs.review.cumulative',
] as const;
