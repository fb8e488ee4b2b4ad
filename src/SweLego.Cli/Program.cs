using SweLego.Cli;

return await CliApp.RunAsync(args);
