export { withDatabase } from '../../../platform/src/database/database-url';

export const TEMPLATE_DATABASE = 'bm_test_template';
