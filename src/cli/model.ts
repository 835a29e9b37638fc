// npm run model -- fetch [--precision int8|fp16|fp32] : find or fetch the Kokoro model (and voices), verified.
import { Command, Option } from 'commander';
import { resolveModel, type ModelPrecision } from '../kokoro/model-files.ts';
import { listVoices, loadVoice } from '../kokoro/voices.ts';
import { createReporter } from './progress.ts';
import { runCommand } from './run.ts';

async function main(): Promise<void> {
  const program = new Command('model').exitOverride();
  program
    .command('fetch')
    .description('make sure the Kokoro ONNX model and the default voice are available, fetching what is missing')
    .addOption(new Option('--precision <precision>', 'model variant').choices(['int8', 'fp16', 'fp32']).default('int8'))
    .option('--verbose', 'log every step')
    .action(async (flags: { precision: ModelPrecision; verbose?: boolean }) => {
      const reporter = createReporter(true);
      const model = await resolveModel({
        precision: flags.precision,
        log: (line) => reporter.log(line),
        onProgress: (done, total) => reporter.bytes('download', done, total),
      });
      await loadVoice('ef_dora', (line) => reporter.log(line));
      reporter.stop();
      process.stdout.write(`model: ${model.path}\nvoices: ${(await listVoices()).length} available\n`);
    });
  await program.parseAsync();
}

await runCommand(main);
