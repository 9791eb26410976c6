// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {GovernorCountingLive} from "./GovernorCountingLive.sol";
import {ConsortiumTimelock} from "./ConsortiumTimelock.sol";

interface IMembershipCheck {
    function isMember(address account) external view returns (bool);
}

/// @notice Voting delay and period (seconds), quorum (percent of all member votes, For only) and the
/// late-quorum extension (seconds): the governor's values, or the floors no update may go below.
struct GovernorTerms {
    uint48 votingDelay;
    uint32 votingPeriod;
    uint256 quorumPercent;
    uint48 voteExtension;
}

/// @title The consortium's governance: one vote per member institution, decisions through a timelock.
/// @notice Proposals admit or remove members, start and cancel plans, release models and change
/// settings. A proposal passes when at least `quorum` current members voted For and more For than
/// Against (GovernorCountingLive: abstain does not count towards quorum, a removed member's vote stops
/// counting); it is then queued in the ConsortiumTimelock and executed after the timelock delay. A
/// passed proposal expires: not queued within the timelock's grace period after voting ends, or not
/// executed within it after its ETA, it can never execute. A quorum reached late extends the vote
/// (GovernorPreventLateQuorum). Every setting governance can change has a floor, chosen at deployment
/// and itself bounded below by this contract's constants; the constructor and every update enforce it.
contract ConsortiumGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingLive,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl,
    GovernorPreventLateQuorum
{
    uint48 public constant MIN_VOTING_DELAY = 1;
    uint32 public constant MIN_VOTING_PERIOD = 10;
    /// @notice Above half of all members, so two conflicting proposals can never both pass.
    uint256 public constant MIN_QUORUM_PERCENT = 51;
    uint48 public constant MIN_VOTE_EXTENSION = 1;

    uint48 public immutable votingDelayFloor;
    uint32 public immutable votingPeriodFloor;
    uint256 public immutable quorumPercentFloor;
    uint48 public immutable voteExtensionFloor;
    /// @notice The timelock's grace period: how long a passed proposal may wait to be queued, and a queued one to execute.
    uint256 public immutable gracePeriod;

    error BelowFloor(string setting, uint256 value, uint256 floor);
    error GovernorNotAMember(address account);
    error TimelockFixed();

    constructor(IVotes membership, ConsortiumTimelock timelock_, GovernorTerms memory terms, GovernorTerms memory floors)
        Governor("FedChain Consortium")
        GovernorSettings(terms.votingDelay, terms.votingPeriod, 1)
        GovernorVotes(membership)
        GovernorVotesQuorumFraction(terms.quorumPercent)
        GovernorTimelockControl(timelock_)
        GovernorPreventLateQuorum(terms.voteExtension)
    {
        _atLeast("votingDelayFloor", floors.votingDelay, MIN_VOTING_DELAY);
        _atLeast("votingPeriodFloor", floors.votingPeriod, MIN_VOTING_PERIOD);
        _atLeast("quorumPercentFloor", floors.quorumPercent, MIN_QUORUM_PERCENT);
        _atLeast("voteExtensionFloor", floors.voteExtension, MIN_VOTE_EXTENSION);
        votingDelayFloor = floors.votingDelay;
        votingPeriodFloor = floors.votingPeriod;
        quorumPercentFloor = floors.quorumPercent;
        voteExtensionFloor = floors.voteExtension;
        _atLeast("votingDelay", terms.votingDelay, floors.votingDelay);
        _atLeast("votingPeriod", terms.votingPeriod, floors.votingPeriod);
        _atLeast("quorumPercent", terms.quorumPercent, floors.quorumPercent);
        _atLeast("voteExtension", terms.voteExtension, floors.voteExtension);
        gracePeriod = timelock_.gracePeriod();
    }

    /// @notice Succeeded and Queued proposals turn Expired once their grace period has passed.
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current == ProposalState.Succeeded && block.timestamp > proposalDeadline(proposalId) + gracePeriod) {
            return ProposalState.Expired;
        }
        if (current == ProposalState.Queued && block.timestamp > proposalEta(proposalId) + gracePeriod) {
            return ProposalState.Expired;
        }
        return current;
    }

    /// @notice When a passed proposal can no longer be queued (not yet queued) or executed (queued); 0 before its vote ends.
    function proposalExpiry(uint256 proposalId) external view returns (uint256) {
        uint256 eta = proposalEta(proposalId);
        if (eta != 0) return eta + gracePeriod;
        return proposalSnapshot(proposalId) == 0 ? 0 : proposalDeadline(proposalId) + gracePeriod;
    }

    /// @dev Rounded up, so 51 % of three members is two votes, not one (OZ rounds down).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return Math.mulDiv(
            token().getPastTotalSupply(timepoint), quorumNumerator(timepoint), quorumDenominator(), Math.Rounding.Ceil
        );
    }

    function setVotingDelay(uint48 newVotingDelay) public override onlyGovernance {
        _atLeast("votingDelay", newVotingDelay, votingDelayFloor);
        _setVotingDelay(newVotingDelay);
    }

    function setVotingPeriod(uint32 newVotingPeriod) public override onlyGovernance {
        _atLeast("votingPeriod", newVotingPeriod, votingPeriodFloor);
        _setVotingPeriod(newVotingPeriod);
    }

    /// @dev One vote: only members propose.
    function setProposalThreshold(uint256 newProposalThreshold) public override onlyGovernance {
        _atLeast("proposalThreshold", newProposalThreshold, 1);
        _setProposalThreshold(newProposalThreshold);
    }

    function updateQuorumNumerator(uint256 newQuorumNumerator) public override onlyGovernance {
        _atLeast("quorumPercent", newQuorumNumerator, quorumPercentFloor);
        _updateQuorumNumerator(newQuorumNumerator);
    }

    function setLateQuorumVoteExtension(uint48 newVoteExtension) public override onlyGovernance {
        _atLeast("voteExtension", newVoteExtension, voteExtensionFloor);
        _setLateQuorumVoteExtension(newVoteExtension);
    }

    /// @dev The timelock is part of the consortium's guarantees: a vote cannot swap it for one without a delay.
    function updateTimelock(TimelockController) public pure override {
        revert TimelockFixed();
    }

    /// @dev Only current members vote (a removed member's weight at the snapshot no longer counts).
    function _castVote(uint256 proposalId, address account, uint8 support, string memory reason, bytes memory params)
        internal
        override
        returns (uint256)
    {
        if (!_isLive(account)) revert GovernorNotAMember(account);
        return super._castVote(proposalId, account, support, reason, params);
    }

    function _isLive(address account) internal view override returns (bool) {
        return IMembershipCheck(address(token())).isMember(account);
    }

    function _atLeast(string memory setting, uint256 value, uint256 floor) private pure {
        if (value < floor) revert BelowFloor(setting, value, floor);
    }

    // The overrides Solidity requires for the combination of extensions.

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function proposalDeadline(uint256 proposalId) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    function proposalNeedsQueuing(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        super._tallyUpdated(proposalId);
    }

    function _queueOperations(uint256 proposalId, address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint48)
    {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(uint256 proposalId, address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
    {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint256)
    {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
