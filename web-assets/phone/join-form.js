// The join form: who you are and the session code. Remembered on the device, so the next
// session is one tap; errors (ours or the server's) are shown next to the field they concern.
import { t } from '../shared/i18n.js';
import { profile } from './storage.js';

const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;
const FIELDS = ['code', 'name', 'organisation', 'role', 'phone', 'email'];
const PHONE = /^\+?[0-9 ()\-.]{6,40}$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
/** Server errors without a field that still clearly belong to one. */
const FIELD_OF_CODE = { unknown_session: 'code', session_closed: 'code' };

export class JoinForm {
  /** @param onJoin (code, joinMessage) called with a valid form */
  constructor(form, onJoin) {
    this.form = form;
    this.onJoin = onJoin;
    this.inputs = Object.fromEntries(FIELDS.map(name => [name, form.elements[name]]));
    this.showName = form.elements.showName;
    this.general = form.querySelector('#join-error');
    this.submitButton = form.querySelector('button[type=submit]');
    this.inputs.code.addEventListener('input', () => this.normaliseCode());
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
  }

  /** Fills the form from the device (and the code from the URL) and clears old errors. */
  show(code, notice) {
    const me = profile.get();
    this.inputs.code.value = code || '';
    for (const name of FIELDS.slice(1)) this.inputs[name].value = me[name] || '';
    this.showName.checked = me.showName === true; // off unless the person chose it (AVG art. 25)
    this.clearErrors();
    if (notice) this.showGeneral(notice);
    this.setBusy(false);
  }

  normaliseCode() {
    const input = this.inputs.code;
    const at = input.selectionStart;
    input.value = input.value.toUpperCase().replace(/\s+/g, '');
    if (at !== null) input.setSelectionRange(at, at);
  }

  values() {
    const values = Object.fromEntries(FIELDS.map(name => [name, this.inputs[name].value.trim()]));
    values.code = values.code.toUpperCase();
    values.showName = this.showName.checked;
    return values;
  }

  submit() {
    if (this.busy) return;
    this.clearErrors();
    const values = this.values();
    const problems = validate(values);
    for (const [field, key] of problems) this.fieldError(field, t(key));
    if (problems.length) {
      this.inputs[problems[0][0]].focus();
      return;
    }
    const { code, ...who } = values;
    profile.set(who);
    const join = { type: 'join', code, name: who.name, organisation: who.organisation, role: who.role, showName: who.showName };
    if (who.phone) join.phone = who.phone;
    if (who.email) join.email = who.email;
    this.setBusy(true);
    this.onJoin(code, join);
  }

  /** A refusal from the server: its own sentence, next to the field it names. */
  showError(error) {
    this.setBusy(false);
    const field = error.field && this.inputs[error.field] ? error.field : FIELD_OF_CODE[error.code];
    const message = error.message || t('error.generic');
    if (field) {
      this.fieldError(field, message);
      this.inputs[field].focus();
    } else {
      this.showGeneral(message);
      this.general.focus();
    }
  }

  showGeneral(message) {
    this.general.textContent = message;
    this.general.hidden = false;
    this.general.tabIndex = -1;
  }

  fieldError(field, message) {
    const input = this.inputs[field];
    const note = this.form.querySelector(`#${input.id}-error`);
    note.textContent = message;
    note.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  }

  clearErrors() {
    this.general.hidden = true;
    this.general.textContent = '';
    for (const input of Object.values(this.inputs)) {
      input.removeAttribute('aria-invalid');
      const note = this.form.querySelector(`#${input.id}-error`);
      note.hidden = true;
      note.textContent = '';
    }
  }

  setBusy(busy) {
    this.busy = busy;
    this.submitButton.textContent = t(busy ? 'phone.join.busy' : 'phone.join.submit');
    this.submitButton.setAttribute('aria-disabled', String(busy));
  }
}

function validate(values) {
  const problems = [];
  if (!CODE.test(values.code)) problems.push(['code', values.code ? 'phone.join.error.code' : 'phone.join.error.codeMissing']);
  if (!values.name) problems.push(['name', 'phone.join.error.name']);
  if (!values.organisation) problems.push(['organisation', 'phone.join.error.organisation']);
  if (!values.role) problems.push(['role', 'phone.join.error.role']);
  if (values.phone && (!PHONE.test(values.phone) || values.phone.replace(/\D/g, '').length < 6)) {
    problems.push(['phone', 'phone.join.error.phone']);
  }
  if (values.email && !EMAIL.test(values.email)) problems.push(['email', 'phone.join.error.email']);
  return problems;
}
