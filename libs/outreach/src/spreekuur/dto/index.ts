export * from './coach-location.dto';
export * from './contact.dto';
