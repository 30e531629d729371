/**
 * Messages for the live regions: short confirmations ("Modification
 * enregistrée") go to a polite status region, errors to an alert region,
 * and refused edits or imports with their problem lists to a dialog.
 */
import type { Problem } from '../../../../shared/model/portfolio';

export interface ProblemReport {
  title: string;
  intro: string;
  problems: Problem[];
}

class Status {
  message = $state('');
  error = $state('');
  report = $state<ProblemReport | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  info(message: string) {
    this.error = '';
    // Re-announce the same words: clear first, then set on the next tick.
    this.message = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.message = message;
      // Read by screen readers at once; the visible toast then goes away.
      this.timer = setTimeout(() => {
        if (this.message === message) this.message = '';
      }, 5000);
    }, 30);
  }

  fail(message: string) {
    this.message = '';
    this.error = message;
  }

  showProblems(report: ProblemReport) {
    this.report = report;
  }

  dismiss() {
    this.error = '';
  }
}

export const status = new Status();
