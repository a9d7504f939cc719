import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installDialogPolyfill } from './dialog-polyfill.ts';
import { installMatchMediaPolyfill } from './media-polyfill.ts';

if (typeof HTMLDialogElement !== 'undefined') installDialogPolyfill();
installMatchMediaPolyfill();
// A screen's answer can take several fake round trips and renders; on a busy 2-core machine the
// default second for findBy/waitFor made journeys flaky. A real failure is still reported, later.
configure({ asyncUtilTimeout: 3_000 });

afterEach(() => cleanup());
