// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AnalysisResults} from "./AnalysisResults.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Members caught lying in a sharded aggregation, named on the ledger by those that caught them.
/// @notice In a sharded round each member sums one shard of everyone's committed update and every
/// member checks every shard sum against a random challenge (docs/network.md, "Sharded aggregation").
/// A member whose claim fails, or whose challenge answer does not match its committed shard, is named
/// here by each participant that redid the shard, with what proves it: the id of its signed gossip
/// claim and of the sum blob it published. Anyone holding the round's committed shard blobs can
/// re-sum the shard and see the same. Reached through LedgerAdministration (the ledger's fallback),
/// so TrainingLedger's code stays under EIP-170's limit.
abstract contract AggregatorFindings is AnalysisResults {
    uint8 internal constant FINDING_WRONG_SUM = 1;
    uint8 internal constant FINDING_FALSE_ANSWER = 2;
    uint8 internal constant FINDING_WRONG_PARTICIPANTS = 3;
    uint8 internal constant FINDING_MALFORMED_SUM = 4;

    mapping(bytes32 => bool) internal _findingReported; // keccak(plan, round, member, reporter)
    mapping(bytes32 => uint16) internal _findingReports; // keccak(plan, round, member) => reporters

    /// @param claim SHA-256 id of the named member's signed claim message (or of the claim it answered falsely)
    /// @param aggregate blob id of the shard sum the claim names
    /// @param reason 1 wrong shard sum, 2 false challenge answer, 3 claim not over the round's participants, 4 malformed sum blob
    event AggregatorNamed(
        uint256 indexed planId, uint32 indexed round, address indexed member, address reporter, uint32 shard, bytes32 claim, bytes32 aggregate, uint8 reason
    );

    error FindingOutOfWindow(uint256 planId, uint32 round);
    error NotAFindingReason(uint8 reason);
    error FindingAgainstSelf(uint256 planId, address member);
    error FindingAlreadyReported(uint256 planId, uint32 round, address member, address reporter);

    /// @dev A participant names a committer of a closed training round, once per (round, member, reporter).
    function _reportAggregatorFinding(uint256 planId, uint32 round, address member, uint32 shard, bytes32 claim, bytes32 aggregate, uint8 reason)
        internal
    {
        PlanState memory s = _loadState(planId);
        Participant memory reporter = _participants[planId][msg.sender];
        if (reporter.status != PARTICIPANT || _removalPending(planId, msg.sender)) revert NotParticipant(planId, msg.sender);
        bool closed = round < s.currentRound || (s.status == STATUS_COMPLETED && round < s.totalRounds);
        if (round == 0 || !closed || (s.status != STATUS_RUNNING && s.status != STATUS_COMPLETED)) revert FindingOutOfWindow(planId, round);
        if (reason < FINDING_WRONG_SUM || reason > FINDING_MALFORMED_SUM) revert NotAFindingReason(reason);
        if (member == msg.sender) revert FindingAgainstSelf(planId, member);
        if (!_committedIn(_participants[planId][member], round)) revert NotACommitter(planId, round, member);
        if (claim == bytes32(0)) revert ZeroHash("claim");
        bytes32 key = keccak256(abi.encode(planId, round, member, msg.sender));
        if (_findingReported[key]) revert FindingAlreadyReported(planId, round, member, msg.sender);
        _findingReported[key] = true;
        _findingReports[keccak256(abi.encode(planId, round, member))] += 1;
        emit AggregatorNamed(planId, round, member, msg.sender, shard, claim, aggregate, reason);
    }
}
