using FedChain.Node.Cli;

// The executable only wires commands together; each command lives in Cli/.
return await FedChainCommandLine.Build().Parse(args).InvokeAsync();
