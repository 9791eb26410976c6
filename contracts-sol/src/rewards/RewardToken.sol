// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Contribution rewards (FCR), minted by the TrainingLedger when a plan settles.
/// @notice The deployer hands ownership to the ledger; no one else can mint.
contract RewardToken is ERC20, Ownable {
    error LengthMismatch();

    constructor() ERC20("FedChain Contribution Reward", "FCR") Ownable(msg.sender) {}

    /// @notice Mints amounts[i] to to[i]: one call for a plan's whole payout.
    function mintBatch(address[] calldata to, uint256[] calldata amounts) external onlyOwner {
        if (to.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < to.length; i++) {
            _mint(to[i], amounts[i]);
        }
    }
}
