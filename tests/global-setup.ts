// The CLI tests run the compiled CLI, as users do: compile it once from the sources under test.
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
