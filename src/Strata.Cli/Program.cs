using Strata.Cli;

return StrataCommand.Run(args, CliContext.FromProcess());
