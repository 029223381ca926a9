export * from './envelope';
export * from './catalogue';
export * from './search';
export * from './auth';
export * from './me';
export * from './routes';
export * from './catalogue-import';
