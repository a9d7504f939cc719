// PLACEHOLDER owned by the clients feature: route objects mounted inside the signed-in shell.
import type { RouteObject } from 'react-router';

export const clientRoutes: RouteObject[] = [];
