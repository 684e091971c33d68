using DeinstGateway.Cli;
using DeinstGateway.Cli.Hosting;

return await DeinstCli.RunAsync(args, CliEnvironment.System());
