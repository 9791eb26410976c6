// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title The consortium's governance: one vote per member institution.
/// @notice Proposals admit or remove members, start plans and release models; they execute
/// directly (no timelock) once the vote succeeds. Votes come from the MembershipRegistry.
contract ConsortiumGovernor is Governor, GovernorSettings, GovernorCountingSimple, GovernorVotes, GovernorVotesQuorumFraction {
    /// @param votingDelay_ seconds between proposing and voting (the registry's clock is timestamps)
    /// @param votingPeriod_ seconds the vote stays open
    /// @param quorumPercent share of all member votes that must take part (for or abstain), rounded up
    constructor(IVotes membership, uint48 votingDelay_, uint32 votingPeriod_, uint256 quorumPercent)
        Governor("FedChain Consortium")
        GovernorSettings(votingDelay_, votingPeriod_, 1)
        GovernorVotes(membership)
        GovernorVotesQuorumFraction(quorumPercent)
    {}

    /// @dev Rounded up, so 51 % of three members is two votes, not one (OZ rounds down).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return Math.mulDiv(
            token().getPastTotalSupply(timepoint), quorumNumerator(timepoint), quorumDenominator(), Math.Rounding.Ceil
        );
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }
}
