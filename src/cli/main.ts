#!/usr/bin/env node
import { Command } from 'commander';
import { runCli } from './run.js';
import { registerFrameworkCommands } from './framework.js';
import { registerLevelCommands } from './levels.js';

export function buildProgram(): Command {
  const program = new Command('trellis')
    .description('Trellis: the tech career lattice as code. Ladders, paths and the money that goes with them.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerFrameworkCommands(program);
  registerLevelCommands(program);
  return program;
}

process.exitCode = await runCli(buildProgram(), process.argv);
