using System.CommandLine;
using Verbatim.Cli;

var parsed = VerbatimCommand.Create().Parse(args);
BackgroundPriority.ApplyTo(parsed);
return await parsed.InvokeAsync();
