/**
 * Public API of the participation bounded context. Other libs import only
 * from here ('@app/participation'); the test helpers under domain/testing
 * stay out of it because they use jest.
 */
export * from './domain';
export * from './personal-data';
