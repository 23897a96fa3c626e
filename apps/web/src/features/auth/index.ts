/** The public face of the auth feature for other features. */
export { useCurrentUser, usePermission } from './api';
