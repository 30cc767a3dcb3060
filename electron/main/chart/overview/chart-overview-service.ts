import { LAB_REPORTS_PAGE } from '../../../../shared/domain/lab-review';
import { VISITS_PAGE } from '../../../../shared/domain/visit';
import { VITALS_PAGE } from '../../../../shared/domain/vitals';
import type { ChartOverview } from '../../../../shared/chart-contract/overview';
import { upcomingAppointments } from '../../appointments/appointment-history';
import { auditShown } from '../../audit/read-audit';
import type { Actor, ServiceContext } from '../../context';
import { LabChartService } from '../../labs/review/lab-chart-service';
import { AllergyService } from '../allergies/allergy-service';
import { HistoryService } from '../history/history-service';
import { ImmunizationService } from '../immunizations/immunization-service';
import { readChartSection } from '../medications/chart-section';
import { MedicationService } from '../medications/medication-service';
import { ProblemService } from '../problems/problem-service';
import { VisitService } from '../visits/visit-service';
import { VitalsService } from '../vitals/vitals-service';

/**
 * The chart overview's first read (issue 9 part 9): every panel's opening page in one read
 * transaction, so the panels agree with each other, and one call instead of nine. Each section is
 * read by its own service's `section` (the same code its own channel runs), so a panel refreshed
 * later through its own channel shows the same thing. The view is recorded once through the
 * read-audit buffer, as chart.view "overview", with the lab reports and upcoming appointments also
 * under their own actions so a search of the audit trail by action still finds them.
 */
export class ChartOverviewService {
  private readonly visits: VisitService;
  private readonly vitals: VitalsService;
  private readonly problems: ProblemService;
  private readonly allergies: AllergyService;
  private readonly medications: MedicationService;
  private readonly immunizations: ImmunizationService;
  private readonly history: HistoryService;
  private readonly labs: LabChartService;

  constructor(private readonly ctx: ServiceContext) {
    this.visits = new VisitService(ctx);
    this.vitals = new VitalsService(ctx);
    this.problems = new ProblemService(ctx);
    this.allergies = new AllergyService(ctx);
    this.medications = new MedicationService(ctx);
    this.immunizations = new ImmunizationService(ctx);
    this.history = new HistoryService(ctx);
    this.labs = new LabChartService(ctx);
  }

  overview(patientId: string, actor: Actor): ChartOverview {
    const overview = readChartSection(this.ctx, actor, patientId, 'overview', (patient) => ({
      visits: this.visits.section(patientId, VISITS_PAGE),
      vitals: this.vitals.section(patientId, patient.birthDate, VITALS_PAGE, 0),
      problems: this.problems.section(patientId),
      allergies: this.allergies.section(patientId),
      medications: this.medications.section(patientId),
      immunizations: this.immunizations.section(patientId),
      history: this.history.section(patient),
      upcoming: upcomingAppointments(this.ctx, patientId),
      labReports: this.labs.section(patientId, LAB_REPORTS_PAGE),
    }));
    auditShown(this.ctx, actor, 'lab.result_view', [patientId], `lab reports (${overview.labReports.reports.length})`);
    auditShown(this.ctx, actor, 'appointment.view', [patientId], `upcoming (${overview.upcoming.length})`);
    return overview;
  }
}
