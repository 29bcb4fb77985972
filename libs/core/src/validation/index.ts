export * from './bsn';
export * from './dates';
export * from './postcode';
export * from './params';
export * from './field-options';
export * from './refuse-nul.pipe';
