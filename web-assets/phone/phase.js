// The current phase: where we are in the morning and what the facilitator asks.
import { t } from '../shared/i18n.js';

export class PhaseView {
  constructor() {
    this.label = document.getElementById('phase-label');
    this.title = document.getElementById('phase-title');
    this.prompt = document.getElementById('phase-prompt');
    this.state = document.getElementById('session-state');
  }

  render(record) {
    const phase = record.phase;
    const phases = record.session?.phases || [];
    const index = phase ? phases.findIndex(p => p.id === phase.id) : -1;
    const label = index >= 0
      ? t('phone.phase.numbered', { number: index + 1, total: phases.length })
      : t('phone.phase.label');
    const minutes = phase?.minutes ? ` · ${t('phone.phase.minutes', { minutes: phase.minutes })}` : '';
    setText(this.label, label + minutes);
    setText(this.title, phase?.title || '');
    setText(this.prompt, phase?.prompt || '');
    const state = record.state;
    this.state.hidden = state === 'open';
    if (state !== 'open') setText(this.state, t(`phone.state.${state}`));
  }
}

/** Only touches the DOM when the text changed (screen readers and focus stay calm). */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
