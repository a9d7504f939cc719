import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installDialogPolyfill } from './dialog-polyfill.ts';
import { installMatchMediaPolyfill } from './media-polyfill.ts';

if (typeof HTMLDialogElement !== 'undefined') installDialogPolyfill();
installMatchMediaPolyfill();

afterEach(() => cleanup());
