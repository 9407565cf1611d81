/**
 * `npm run cli -- <login | week | log | status | submit | logout>`: the terminal client of the Timesheets API.
 * See cli/README.md.
 */
import { runCli } from './run-cli';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
