export { TextField, TextAreaField, SelectField } from './Field';
export { Dialog } from './Dialog';
export { Notice } from './Notice';
