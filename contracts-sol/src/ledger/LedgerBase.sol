// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanState, PlanSettings, RoundClock, PlanConfig, Participant, LifetimeSpend, LedgerGlobals} from "./LedgerTypes.sol";

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
    uint8 internal constant DROPPED = 3; // was invited or took part, then left the consortium

    uint8 internal constant KIND_AGGREGATE = 0;
    uint8 internal constant KIND_SCORES = 1;
    uint8 internal constant KIND_EXCLUSION = 2;
    uint8 internal constant KIND_RESULT = 3;

    uint8 internal constant PLAN_TRAINING = 0;
    uint8 internal constant PLAN_ANALYSIS = 1;

    int256 internal constant FIXED_POINT = 1e6;
    /// @dev Scores must be recorded within this many rounds: the span of Participant.history and of the committer-count ring.
    uint256 internal constant RECORD_WINDOW = 32;

    IMembership public immutable membership;
    /// @notice The TimelockController that executes governance decisions.
    address public immutable governance;

    uint256 public planCount;
    mapping(uint256 => PlanSettings) internal _settings;
    mapping(uint256 => RoundClock) internal _clock;
    mapping(uint256 => PlanConfig) internal _config;
    mapping(uint256 => mapping(address => Participant)) internal _participants;
    mapping(uint256 => address[]) internal _invitees;
    mapping(uint256 => address[]) internal _optedIn; // by Participant.index
    /// @dev Per plan, 32 uint8 counts indexed round % 32: a closed round's commits, less its excluded blobs.
    mapping(uint256 => uint256) internal _roundCommitters;

    LedgerGlobals internal _globals;
    mapping(uint256 => address) internal _removalLog; // removal number => account
    uint32 internal _datasetCount;
    mapping(bytes32 => uint32) internal _datasetIds; // schema hash => id (from 1)
    mapping(uint32 => bytes32) internal _datasetHashes;
    mapping(uint32 => uint72) internal _datasetBudgets; // budget + 1; 0: the default applies
    mapping(address => mapping(uint32 => LifetimeSpend)) internal _lifetime;
    /// @dev Per asynchronous plan, the open arrival window's committers in chain order (emptied when it closes).
    mapping(uint256 => address[]) internal _arrivals;

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
        uint128 rewardPool,
        uint8 kind,
        uint8 bufferSize
    );
    event PlanLimits(
        uint256 indexed planId,
        bytes32 schemaHash,
        uint64[] maxSamples,
        uint8 setupRounds,
        uint8 minParticipants,
        uint32 epsilonPerRound,
        uint32 availabilityWindow,
        uint32 settlementWindow
    );
    event OptedIn(uint256 indexed planId, address indexed member, uint8 index);
    event ParticipantDropped(uint256 indexed planId, address indexed member);
    event RoundOpened(uint256 indexed planId, uint32 indexed round, uint40 openedAt, uint40 deadline);
    event RoundClosed(uint256 indexed planId, uint32 indexed round, uint16 committed, bool early);
    /// @dev An asynchronous plan's arrival window closed: its commits in the order the chain took them,
    /// the set one buffered aggregation step combines (Nguyen et al. 2022, FedBuff).
    event ArrivalsClosed(uint256 indexed planId, uint32 indexed round, address[] arrivals);
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
        bytes32 scoresVote,
        bytes32 pinnedHash
    );
    event Pinned(uint256 indexed planId, uint32 indexed round, address indexed member, bytes32 hash);
    event Voted(uint256 indexed planId, uint32 indexed round, address indexed voter, uint8 kind, bytes32 hash);
    event AggregateFinalised(uint256 indexed planId, uint32 indexed round, bytes32 aggregateHash, uint16 votes);
    event ScoresAgreed(uint256 indexed planId, uint32 indexed round, bytes32 scoresHash, uint16 votes);
    event Dissent(uint256 indexed planId, uint32 indexed round, address indexed voter, uint8 kind, bytes32 hash, bytes32 leadingHash);
    event ExclusionVoted(uint256 indexed planId, uint32 indexed round, address indexed voter, uint256 missing);
    event BlobExcluded(uint256 indexed planId, uint32 indexed round, address indexed member, uint16 votes);
    /// @dev One event per recordScores batch: `scores` holds one row of members.length per round from firstRound.
    event ScoresRecorded(uint256 indexed planId, uint32 indexed firstRound, address[] members, int64[] scores);
    event PlanSettled(uint256 indexed planId, uint128 minted);
    /// @dev An analysis plan's result: a quorum of equal hashes of the results computed after `round`.
    event ResultAgreed(uint256 indexed planId, uint32 indexed round, bytes32 resultHash, uint16 votes);
    event ModelReleased(uint256 indexed planId, bytes32 modelHash, bytes32 evaluationReportHash);
    event LifetimeBudgetSet(bytes32 indexed dataset, uint64 budget);
    event DefaultLifetimeBudgetSet(uint64 budget);
    event MaxRewardPoolSet(uint128 maxRewardPool);

    error NotGovernance(address caller);
    error NotMembership(address caller);
    error InvalidPlanParameter(string name);
    error NotAMember(address account);
    error DuplicateInvitee(address account);
    error UnknownPlan(uint256 planId);
    error PlanNotEnrolling(uint256 planId, uint8 status);
    error PlanNotRunning(uint256 planId, uint8 status);
    error PlanNotCompleted(uint256 planId, uint8 status);
    error PlanNotActive(uint256 planId, uint8 status);
    error NotInvited(uint256 planId, address account);
    error EnrolmentClosed(uint256 planId, uint40 deadline);
    error NotParticipant(uint256 planId, address account);
    error WrongRound(uint256 planId, uint32 round, uint32 currentRound);
    error CommitAfterDeadline(uint256 planId, uint32 round, uint40 deadline);
    error AlreadyCommitted(uint256 planId, uint32 round, address member);
    error ZeroHash(string name);
    error ReservedHash(bytes32 hash);
    error SampleCountOutOfRange(uint256 planId, address member, uint64 sampleCount, uint48 maxSamples);
    error PrivacyBudgetExceeded(uint256 planId, address member, uint256 wouldSpend, uint64 budget);
    error LifetimeBudgetExceeded(address member, bytes32 dataset, uint256 wouldSpend, uint64 budget);
    error UnexpectedVote(uint256 planId, uint32 round, uint8 kind);
    error VoteOutOfWindow(uint256 planId, uint32 round, uint8 kind);
    error AlreadyVoted(uint256 planId, uint32 round, address voter, uint8 kind);
    error ExclusionTooEarly(uint256 planId, uint32 round, uint40 notBefore);
    error NotACommitter(uint256 planId, uint32 round, address member);
    error OwnBlob(uint256 planId, uint32 round, address member);
    error NothingToAdvance(uint256 planId);
    error ScoresNotAgreed(uint256 planId, uint32 round);
    error ScoresAlreadyRecorded(uint256 planId, uint32 round);
    error ScoresMismatch(uint256 planId, uint32 round, bytes32 submitted, bytes32 agreed);
    error ScoresOutOfWindow(uint256 planId, uint32 round);
    error ScoreOutOfRange(uint256 planId, uint32 round, address member, int64 score);
    error PositiveScoresTooLarge(uint256 planId, uint32 round, uint256 sum);
    error MembersNotAscending(uint256 planId, uint32 round, uint256 position);
    error CommittersMismatch(uint256 planId, uint32 round, uint256 listed, uint256 committers);
    error LengthMismatch();
    error PlanAlreadySettled(uint256 planId);
    error NotSettleable(uint256 planId, uint40 notBefore);
    error RewardPoolExceeded(uint256 planId, uint256 wouldMint, uint128 pool);
    error ReleaseNotFinalised(uint256 planId, bytes32 modelHash);
    error AlreadyReleased(uint256 planId);
    error NotAnAnalysis(uint256 planId);
    error ResultAlreadyAgreed(uint256 planId, bytes32 resultHash);

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

    /// @dev max(2, ceil(live participants * quorumPercent / 100)): quorumPercent > 50, so two hashes never
    /// both agree, and no single member ever agrees anything alone.
    function _votesNeeded(PlanState memory s) internal pure returns (uint256) {
        uint256 share = (uint256(s.participants) * s.quorumPercent + 99) / 100;
        return share < 2 ? 2 : share;
    }

    /// @dev Whether the open round of an asynchronous plan is an arrival window (a training round; setup rounds stay synchronous).
    function _isArrivalWindow(PlanState memory s) internal pure returns (bool) {
        return s.bufferSize != 0 && s.currentRound >= s.setupRounds;
    }

    function _loadState(uint256 planId) internal view returns (PlanState memory s) {
        s = _settings[planId].load(_clock[planId]);
        if (s.status == STATUS_NONE) revert UnknownPlan(planId);
    }

    /// @dev Writes the clock slot, and the settings slot too when participants, status or the removal cursor may have changed.
    function _store(uint256 planId, PlanState memory s, bool settings) internal {
        _clock[planId].storeClock(s);
        if (settings) _storeSettings(planId, s);
    }

    function _storeSettings(uint256 planId, PlanState memory s) internal {
        _settings[planId].storeSettings(s);
    }

    /// @dev Undoes the still-open votes of a participant that left the consortium (VoteAgreements, Availability).
    function _undoVotes(uint256 planId, PlanState memory s, Participant memory p, address account) internal virtual;
}
