import type { Medication } from '../../../../../shared/domain/medication';

/** "Metformin 500 mg oral twice daily": the line as a doctor reads it aloud. */
export function medicationLine(m: Pick<Medication, 'name' | 'dose' | 'route' | 'frequency'>): string {
  return [m.name, m.dose, m.route, m.frequency].filter(Boolean).join(' ');
}

/** Field paths from main ("medication.startDate", "lines.0.reason") as the dialogs key their controls. */
export function lastPathPart(path: string): string {
  return path.split('.').pop() ?? path;
}
