// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanState, PlanSettings, RoundClock, PlanConfig, Participant} from "./LedgerTypes.sol";

interface IMembership {
    function isMember(address account) external view returns (bool);
}

/// @title Storage, events and errors shared by the ledger's parts.
/// @notice Bulky data (commit details, votes, score vectors) lives in events; storage keeps only what
/// the contract must check: round progress, who committed and voted, privacy spend, open agreements.
abstract contract LedgerBase {
    uint8 internal constant STATUS_NONE = 0;
    uint8 internal constant STATUS_ENROLLING = 1;
    uint8 internal constant STATUS_RUNNING = 2;
    uint8 internal constant STATUS_COMPLETED = 3;
    uint8 internal constant STATUS_CANCELLED = 4;

    uint8 internal constant INVITED = 1;
    uint8 internal constant PARTICIPANT = 2;

    uint8 internal constant KIND_AGGREGATE = 0;
    uint8 internal constant KIND_SCORES = 1;

    int256 internal constant FIXED_POINT = 1e6;

    IMembership public immutable membership;
    address public immutable governance;

    uint256 public planCount;
    mapping(uint256 => PlanSettings) internal _settings;
    mapping(uint256 => RoundClock) internal _clock;
    mapping(uint256 => PlanConfig) internal _config;
    mapping(uint256 => mapping(address => Participant)) internal _participants;
    mapping(uint256 => address[]) internal _invitees;
    uint256[] internal _activePlans;
    mapping(uint256 => uint256) internal _activeIndexPlusOne;

    event PlanStarted(
        uint256 indexed planId, bytes32 planHash, address[] invited, uint32 rounds, uint32 commitWindow, uint40 enrolmentDeadline
    );
    event PlanTerms(
        uint256 indexed planId,
        uint8 quorumPercent,
        uint64 epsilonBudget,
        bool secureAggregation,
        uint8 contributionMode,
        uint8 scoresLag,
        uint128 rewardPerScore
    );
    event OptedIn(uint256 indexed planId, address indexed member);
    event ParticipantDropped(uint256 indexed planId, address indexed member);
    event RoundOpened(uint256 indexed planId, uint32 indexed round, uint40 openedAt, uint40 deadline);
    event RoundClosed(uint256 indexed planId, uint32 indexed round, uint16 committed, bool early);
    event PlanCompleted(uint256 indexed planId);
    event PlanCancelled(uint256 indexed planId);
    event Committed(
        uint256 indexed planId,
        uint32 indexed round,
        address indexed member,
        bytes32 blobHash,
        uint64 sampleCount,
        uint64 epsilonSpent,
        bytes32 aggregateVote,
        bytes32 scoresVote
    );
    event Voted(uint256 indexed planId, uint32 indexed round, address indexed voter, uint8 kind, bytes32 hash);
    event AggregateFinalised(uint256 indexed planId, uint32 indexed round, bytes32 aggregateHash, uint16 votes);
    event ScoresAgreed(uint256 indexed planId, uint32 indexed round, bytes32 scoresHash, uint16 votes);
    event Dissent(uint256 indexed planId, uint32 indexed round, address indexed voter, uint8 kind, bytes32 hash, bytes32 leadingHash);
    event ScoresRecorded(uint256 indexed planId, uint32 indexed round, address[] members, int64[] scores);
    event ModelReleased(uint256 indexed planId, bytes32 modelHash, bytes32 evaluationReportHash);

    error NotGovernance(address caller);
    error NotMembership(address caller);
    error InvalidPlanParameter(string name);
    error NotAMember(address account);
    error DuplicateInvitee(address account);
    error UnknownPlan(uint256 planId);
    error PlanNotEnrolling(uint256 planId, uint8 status);
    error PlanNotRunning(uint256 planId, uint8 status);
    error PlanNotCompleted(uint256 planId, uint8 status);
    error NotInvited(uint256 planId, address account);
    error EnrolmentClosed(uint256 planId, uint40 deadline);
    error NotParticipant(uint256 planId, address account);
    error WrongRound(uint256 planId, uint32 round, uint32 currentRound);
    error CommitAfterDeadline(uint256 planId, uint32 round, uint40 deadline);
    error AlreadyCommitted(uint256 planId, uint32 round, address member);
    error PrivacyBudgetExceeded(uint256 planId, address member, uint256 wouldSpend, uint64 budget);
    error UnexpectedVote(uint256 planId, uint32 round, uint8 kind);
    error VoteOutOfWindow(uint256 planId, uint32 round, uint8 kind);
    error AlreadyVoted(uint256 planId, uint32 round, address voter, uint8 kind);
    error NothingToAdvance(uint256 planId);
    error ScoresNotAgreed(uint256 planId, uint32 round);
    error ScoresAlreadyRecorded(uint256 planId, uint32 round);
    error ScoresMismatch(uint256 planId, uint32 round, bytes32 submitted, bytes32 agreed);
    error LengthMismatch();
    error ReleaseNotFinalised(uint256 planId, bytes32 modelHash);
    error AlreadyReleased(uint256 planId);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    constructor(IMembership membership_, address governance_) {
        membership = membership_;
        governance = governance_;
    }

    function _now() internal view returns (uint40) {
        return uint40(block.timestamp);
    }

    function _deadline(PlanState memory s) internal pure returns (uint40) {
        return s.roundOpenedAt + s.commitWindow;
    }

    /// @dev ceil(participants * quorumPercent / 100); quorumPercent > 50 so two hashes never both finalise.
    function _votesNeeded(PlanState memory s) internal pure returns (uint256) {
        return (uint256(s.participants) * s.quorumPercent + 99) / 100;
    }

    function _loadState(uint256 planId) internal view returns (PlanState memory s) {
        PlanSettings memory t = _settings[planId];
        if (t.status == STATUS_NONE) revert UnknownPlan(planId);
        RoundClock memory c = _clock[planId];
        s = PlanState(c.currentRound, c.roundOpenedAt, c.committed, c.tallies, t.participants, t.status, t.commitWindow,
            t.totalRounds, t.epsilonBudget, t.quorumPercent, t.scoresLag);
    }

    /// @dev Writes the clock slot, and the settings slot too when participants or status may have changed.
    function _store(uint256 planId, PlanState memory s, bool settings) internal {
        _clock[planId] = RoundClock(s.currentRound, s.roundOpenedAt, s.committed, s.tallies);
        if (settings) {
            _settings[planId] = PlanSettings(s.participants, s.status, s.commitWindow, s.totalRounds, s.epsilonBudget, s.quorumPercent, s.scoresLag);
        }
    }
}
