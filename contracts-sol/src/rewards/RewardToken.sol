// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Contribution rewards (FCR), minted by the TrainingLedger from recorded scores.
/// @notice The deployer hands ownership to the ledger; no one else can mint.
contract RewardToken is ERC20, Ownable {
    constructor() ERC20("FedChain Contribution Reward", "FCR") Ownable(msg.sender) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
