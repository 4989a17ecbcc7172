import type { Command } from 'commander';

export function registerLevelCommands(program: Command): void {
  program.command('levels').description("Map levels between companies' ladders");
}
