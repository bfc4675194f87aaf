export * from './national-id';
export * from './bank-account';
export * from './participant-personal-data';
export * from './personal-data-key-store';
export * from './personal-data-vault';
