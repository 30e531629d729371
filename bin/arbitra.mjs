#!/usr/bin/env node
// The `arbitra` command: runs the TypeScript sources through tsx, so that
// `npx arbitra` works right after `npm install` in a checkout, with no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
