/** Rules for text people and processes send, shared by every field that stores text. */

// C0 controls and DEL, which no name or label holds; PostgreSQL text cannot even store NUL.
const CONTROLS = /[\u0000-\u001f\u007f]/;
// The same, but tab, line feed and carriage return, which free text (notes, reasons) may hold.
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a one-line value (a name, a project, an id) holds a control character. */
export function hasControlCharacter(text: string): boolean {
  return CONTROLS.test(text);
}

/** Whether free text (notes, a reason) holds a control character other than tab and line ends. */
export function hasControlCharacterInText(text: string): boolean {
  return CONTROLS_BUT_LINES.test(text);
}
