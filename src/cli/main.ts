#!/usr/bin/env node
import { Command } from 'commander';
import { packageVersion } from '../store/files.js';
import { runCli } from './run.js';
import { registerFrameworkCommands } from './framework.js';
import { registerLevelCommands } from './levels.js';
import { registerAssessCommands } from './assess.js';
import { registerPathCommands } from './path.js';
import { registerLearnCommands } from './learn.js';
import { registerOfferCommands } from './offers.js';
import { registerEarningsCommands } from './earnings.js';
import { registerFitCommands } from './fit.js';
import { registerEvidenceCommands } from './evidence.js';
import { registerSuggestCommand } from './evidence-suggest.js';
import { registerTShapeCommands } from './tshape.js';
import { registerServeCommands } from './serve.js';
import { registerWorkspaceCommands } from './workspace.js';
import { registerOrgCommands } from './org/index.js';
import { registerPayCommands } from './pay.js';
import { addDatabaseUrlOption } from './database.js';

export function buildProgram(): Command {
  const program = new Command('trellis')
    .description(
      'Trellis: the tech career lattice as code. Ladders, paths and the money that goes with them.',
    )
    .version(packageVersion)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerFrameworkCommands(program);
  registerLevelCommands(program);
  registerAssessCommands(program);
  registerPathCommands(program);
  registerLearnCommands(program);
  registerOfferCommands(program);
  registerEarningsCommands(program);
  registerFitCommands(program);
  registerSuggestCommand(registerEvidenceCommands(program));
  registerTShapeCommands(program);
  registerServeCommands(program);
  registerWorkspaceCommands(program);
  registerOrgCommands(program);
  registerPayCommands(program);
  addDatabaseUrlOption(program);
  return program;
}

process.exitCode = await runCli(buildProgram(), process.argv);
