namespace FedChain.Node.Demo;

/// <summary>One mined transaction: who sent it, which contract and function, and the gas it used.</summary>
public sealed record ChainTransaction(ulong Block, string Hash, string From, string Contract, string Function, long GasUsed);
