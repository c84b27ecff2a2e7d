using System.CommandLine;
using Verbatim.Cli;

return await VerbatimCommand.Create().Parse(args).InvokeAsync();
