// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";
import {RewardToken} from "../../src/rewards/RewardToken.sol";
import {TrainingLedger} from "../../src/ledger/TrainingLedger.sol";
import {LedgerAdministration} from "../../src/ledger/LedgerAdministration.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams, PlanState} from "../../src/ledger/LedgerTypes.sol";

/// @notice Drives the ledger with random actions by random actors: members (honest or not),
/// members removed along the way, and outsiders. It records, as ghosts, what the invariants check:
/// the pools it started plans with, the plans' epsilon budgets, the aggregate hashes the ledger
/// agreed, and any state change made by an account that was not a live participant (or invitee) of
/// the plan it touched, or by a removed member.
contract LedgerHandler is Test {
    uint8 internal constant INVITED = 1;
    uint8 internal constant PARTICIPANT = 2;
    bytes32 internal constant AGGREGATE_FINALISED = keccak256("AggregateFinalised(uint256,uint32,bytes32,uint16)");
    bytes32 internal constant RESULT_AGREED = keccak256("ResultAgreed(uint256,uint32,bytes32,uint16)");

    MembershipRegistry internal immutable registry;
    TrainingLedger internal immutable ledger;
    RewardToken internal immutable token;
    address internal immutable timelock;
    bytes32 public immutable schema;

    address[] public actors; // members first, then outsiders
    address[] public members;
    mapping(address => bool) public removed;
    uint256 public removedCount;
    uint256[] public plans;
    mapping(uint256 => uint64) public planBudget;
    uint256 public poolsTotal;
    mapping(bytes32 => bytes32) public agreedAggregate; // keccak(plan, round) => hash
    mapping(uint256 => bool) public isAnalysis;
    mapping(uint256 => uint256) public resultAgreements; // plan => ResultAgreed events
    /// @dev (plan, round) => the accounts whose commits the round kept, so honest vectors can be built
    mapping(bytes32 => address[]) internal _committers;

    uint256 public foreignChanges; // successful state changes by accounts not in the plan
    uint256 public removedChanges; // successful state changes by removed members
    uint256 public conflictingAgreements;
    uint256 public calls;
    error LedgerRefused();

    constructor(MembershipRegistry registry_, TrainingLedger ledger_, RewardToken token_, address timelock_, address[] memory members_, bytes32 schema_) {
        (registry, ledger, token, timelock, schema) = (registry_, ledger_, token_, timelock_, schema_);
        members = members_;
        actors = members_;
        actors.push(makeAddr("outsider 1"));
        actors.push(makeAddr("outsider 2"));
    }

    function admin() internal view returns (LedgerAdministration) {
        return LedgerAdministration(address(ledger));
    }

    function planCount() external view returns (uint256) {
        return plans.length;
    }

    // Governance actions (through the timelock)

    /// @dev One plan in four is an analysis plan (no pool).
    function startPlan(uint256 seed, uint8 rounds, uint8 setup, uint32 perRound, uint64 budget, uint128 pool) external {
        if (plans.length >= 3) return;
        bool analysis = seed % 4 == 1;
        address[] memory invited = _liveMembers();
        if (invited.length < 2) return;
        uint64[] memory maxSamples = new uint64[](invited.length);
        for (uint256 i = 0; i < invited.length; i++) maxSamples[i] = uint64(100 + (seed >> i) % 900);
        PlanParams memory p = PlanParams({
            planHash: keccak256(abi.encode(seed)),
            schemaHash: schema,
            invited: invited,
            maxSamples: maxSamples,
            rounds: uint32(bound(rounds, 2, 8)),
            setupRounds: setup % 2,
            commitWindow: 60,
            enrolmentWindow: 60,
            availabilityWindow: 10,
            settlementWindow: 60,
            minParticipants: 2,
            quorumPercent: uint8(bound(seed, 51, 100)),
            epsilonPerRound: uint32(bound(perRound, 0, 400_000)),
            epsilonBudget: uint64(bound(budget, 400_000, 3_000_000)),
            secureAggregation: false,
            contributionMode: 0,
            scoresLag: uint8(1 + seed % 2),
            rewardPool: analysis ? 0 : uint128(bound(pool, 0, 1e24)),
            kind: analysis ? 1 : 0,
            bufferSize: 0
        });
        vm.prank(timelock);
        uint256 planId = admin().startPlan(p);
        plans.push(planId);
        isAnalysis[planId] = analysis;
        planBudget[planId] = p.epsilonBudget;
        poolsTotal += p.rewardPool;
        // most plans start at once: every invitee but (sometimes) one opts in straight away
        uint256 skip = seed % 3 == 0 ? seed % invited.length : type(uint256).max;
        for (uint256 i = 0; i < invited.length; i++) {
            if (i == skip) continue;
            vm.prank(invited[i]);
            ledger.optIn(planId);
        }
    }

    /// @dev Every live participant commits the current round (honest votes), so plans move on.
    function fullRound(uint256 planSeed, uint8 votes) external {
        if (plans.length == 0) return;
        uint256 planId = plans[planSeed % plans.length];
        address[] memory list = admin().participantsByIndex(planId);
        for (uint256 i = 0; i < list.length; i++) {
            PlanState memory s = admin().planState(planId);
            if (s.status != 2) return;
            _commitAs(list[i], planId, s, false, 1, votes & 3, 0);
        }
    }

    function removeMember(uint256 seed) external {
        if (removedCount + 2 >= members.length) return;
        address m = members[seed % members.length];
        if (removed[m]) return;
        vm.prank(timelock);
        registry.remove(m);
        removed[m] = true;
        removedCount++;
    }

    function cancelPlan(uint256 seed) external {
        if (plans.length == 0) return;
        vm.prank(timelock);
        try admin().cancelPlan(plans[seed % plans.length]) {} catch {}
    }

    function warp(uint32 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 90));
    }

    // Members' and outsiders' actions

    function optIn(uint256 actorSeed, uint256 planSeed) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        _run(a, planId, abi.encodeCall(ledger.optIn, (planId)));
    }

    function advance(uint256 actorSeed, uint256 planSeed) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        _run(a, planId, abi.encodeCall(ledger.advance, (planId)));
    }

    /// @dev The happy path to rewards: participants vote the honest scores of the rounds still in the
    /// voting window, the first records what is agreed, and a completed plan settles past its window.
    function scoreAndSettle(uint256 planSeed) external {
        if (plans.length == 0) return;
        uint256 planId = plans[planSeed % plans.length];
        PlanState memory s = admin().planState(planId);
        address[] memory list = admin().participantsByIndex(planId);
        uint32 from = s.currentRound > 3 ? s.currentRound - 3 : 0;
        for (uint32 r = from; r < s.currentRound; r++) {
            for (uint256 i = 0; i < list.length; i++) _try(list[i], planId, abi.encodeCall(ledger.voteScores, (planId, r, _honestScoresHash(planId, r))));
            (address[] memory voted, int64[] memory scores) = _honestVector(planId, r);
            if (voted.length > 0) _try(list[0], planId, abi.encodeCall(ledger.recordScores, (planId, r, voted, scores)));
        }
        if (s.status == 3) {
            vm.warp(block.timestamp + 60);
            for (uint256 i = 0; i < list.length; i++) _try(list[i], planId, abi.encodeCall(admin().settle, (planId)));
        }
    }

    function commit(uint256 actorSeed, uint256 planSeed, bool nextRound, uint64 samples, uint8 votes, uint256 missing) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        if (!_commitAs(a, planId, admin().planState(planId), nextRound, samples, votes, missing)) revert LedgerRefused();
    }

    function _commitAs(address a, uint256 planId, PlanState memory s, bool nextRound, uint64 samples, uint8 votes, uint256 missing)
        internal
        returns (bool ok)
    {
        uint32 round = s.currentRound + (nextRound ? 1 : 0);
        (ok,) = _try(a, planId, _commitCall(a, planId, round, s.scoresLag, samples, votes, missing));
        if (ok) _committers[keccak256(abi.encode(planId, round))].push(a);
    }

    /// @dev votes bit 0: vote the aggregate (bit 2: a dishonest one); bit 1: vote the honest scores.
    function _commitCall(address a, uint256 planId, uint32 round, uint8 lag, uint64 samples, uint8 votes, uint256 missing)
        internal
        view
        returns (bytes memory)
    {
        bytes32 agg = round > 0 && votes & 1 == 1 ? _model(planId, round - 1, votes & 4 == 4) : bytes32(0);
        bytes32 sc = round >= lag && votes & 2 == 2 ? _honestScoresHash(planId, round - lag) : bytes32(0);
        uint64 n = uint64(bound(samples, 0, 1200));
        return abi.encodeCall(ledger.commit, (planId, round, keccak256(abi.encode(a, planId, round)), n, agg, sc, bytes32(0), missing % 8));
    }

    function voteAggregate(uint256 actorSeed, uint256 planSeed, bool dishonest) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        uint32 round = _lastClosed(planId);
        _run(a, planId, abi.encodeCall(ledger.voteAggregate, (planId, round, _model(planId, round, dishonest))));
    }

    function voteScores(uint256 actorSeed, uint256 planSeed, bool older, bool forged) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        uint32 round = _lastClosed(planId);
        if (older && round > 0) round--;
        bytes32 hash = forged ? keccak256(abi.encode("forged", planId, round)) : _honestScoresHash(planId, round);
        _run(a, planId, abi.encodeCall(ledger.voteScores, (planId, round, hash)));
    }

    function voteExclusion(uint256 actorSeed, uint256 planSeed, uint256 missing) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        _run(a, planId, abi.encodeCall(ledger.voteExclusion, (planId, _lastClosed(planId), missing % 16)));
    }

    function pin(uint256 actorSeed, uint256 planSeed, bytes32 hash) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        _run(a, planId, abi.encodeCall(ledger.pin, (planId, _lastClosed(planId), hash)));
    }

    /// @dev Records the honest vector of a recent round, or a forged one naming an outsider with a huge score.
    function recordScores(uint256 actorSeed, uint256 planSeed, uint8 back, bool forged) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        uint32 last = _lastClosed(planId);
        uint32 round = last >= back % 3 ? last - back % 3 : 0;
        (address[] memory list, int64[] memory scores) = _honestVector(planId, round);
        if (forged) {
            list = new address[](1);
            list[0] = actors[actors.length - 1];
            scores = new int64[](1);
            scores[0] = 9.2e12;
        }
        if (list.length == 0) return;
        _run(a, planId, abi.encodeCall(ledger.recordScores, (planId, round, list, scores)));
    }

    /// @dev A result vote on an analysis plan (or, refused, on a training plan): the honest hash of the
    /// last closed round, or another hash, or the round before.
    function voteResult(uint256 actorSeed, uint256 planSeed, bool other, bool older) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        uint32 round = _lastClosed(planId);
        if (older && round > 0) round--;
        bytes32 hash = keccak256(abi.encode(other ? "other result" : "result", planId, round));
        _run(a, planId, abi.encodeCall(ledger.voteResult, (planId, round, hash)));
    }

    function settle(uint256 actorSeed, uint256 planSeed) external {
        (address a, uint256 planId) = _pick(actorSeed, planSeed);
        if (planId == 0) return;
        _run(a, planId, abi.encodeCall(admin().settle, (planId)));
    }

    // Checking each call

    /// @dev Runs `call` as `a` on plan `planId` and passes on its revert, so forge's metrics count the
    /// ledger's refusals per action.
    function _run(address a, uint256 planId, bytes memory call) internal returns (bool) {
        (bool ok, bytes memory err) = _try(a, planId, call);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(err, 0x20), mload(err))
            }
        }
        return true;
    }

    /// @dev Runs `call` as `a` on plan `planId`; records who changed the plan's round state, and agreed aggregates.
    function _try(address a, uint256 planId, bytes memory call) internal returns (bool ok, bytes memory err) {
        calls++;
        uint8 status = admin().participant(planId, a).status;
        bool inPlan = status == PARTICIPANT || status == INVITED;
        bytes32 before = _roundDigest(planId);
        uint256 supply = token.totalSupply();
        vm.recordLogs();
        vm.prank(a);
        (ok, err) = address(ledger).call(call);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (!ok) return (false, err);
        bool changed = _roundDigest(planId) != before || token.totalSupply() != supply;
        if (changed && !inPlan) foreignChanges++;
        if (changed && removed[a]) removedChanges++;
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].topics.length > 0 && logs[i].topics[0] == RESULT_AGREED) resultAgreements[planId]++;
            if (logs[i].topics.length < 3 || logs[i].topics[0] != AGGREGATE_FINALISED) continue;
            bytes32 key = keccak256(abi.encode(logs[i].topics[1], logs[i].topics[2]));
            (bytes32 hash,) = abi.decode(logs[i].data, (bytes32, uint16));
            if (agreedAggregate[key] != bytes32(0) && agreedAggregate[key] != hash) conflictingAgreements++;
            agreedAggregate[key] = hash;
        }
        if (status == PARTICIPANT) _forgetExcluded(planId, logs);
    }

    /// @dev The round clock, tallies, settings and the committer ring of the plan.
    function _roundDigest(uint256 planId) internal view returns (bytes32) {
        PlanState memory s = admin().planState(planId);
        return keccak256(abi.encode(s, admin().roundCommitters(planId, s.currentRound == 0 ? 0 : s.currentRound - 1)));
    }

    function _forgetExcluded(uint256 planId, Vm.Log[] memory logs) internal {
        bytes32 topic = keccak256("BlobExcluded(uint256,uint32,address,uint16)");
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].topics.length < 4 || logs[i].topics[0] != topic) continue;
            address gone = address(uint160(uint256(logs[i].topics[3])));
            address[] storage list = _committers[keccak256(abi.encode(planId, uint32(uint256(logs[i].topics[2]))))];
            for (uint256 k = 0; k < list.length; k++) {
                if (list[k] == gone) {
                    list[k] = list[list.length - 1];
                    list.pop();
                    break;
                }
            }
        }
    }

    /// @dev A plan, and an actor: three times in four one of the plan's participants (possibly removed
    /// since), else anyone (members in no plan, removed members, outsiders).
    function _pick(uint256 actorSeed, uint256 planSeed) internal view returns (address a, uint256 planId) {
        if (plans.length == 0) return (actors[0], 0);
        planId = plans[planSeed % plans.length];
        address[] memory list = admin().participantsByIndex(planId);
        a = actorSeed % 4 != 0 && list.length > 0 ? list[(actorSeed >> 8) % list.length] : actors[(actorSeed >> 8) % actors.length];
    }

    function _liveMembers() internal view returns (address[] memory live) {
        live = new address[](members.length);
        uint256 k;
        for (uint256 i = 0; i < members.length; i++) if (!removed[members[i]]) live[k++] = members[i];
        assembly ("memory-safe") {
            mstore(live, k)
        }
    }

    function _lastClosed(uint256 planId) internal view returns (uint32) {
        uint32 current = admin().planState(planId).currentRound;
        return current == 0 ? 0 : current - 1;
    }

    function _model(uint256 planId, uint32 round, bool dishonest) internal pure returns (bytes32) {
        return keccak256(abi.encode(dishonest ? "other model" : "model", planId, round));
    }

    /// @dev The round's kept committers, ascending, the first scoring 0.4, the others -0.1.
    function _honestVector(uint256 planId, uint32 round) internal view returns (address[] memory list, int64[] memory scores) {
        address[] storage committed = _committers[keccak256(abi.encode(planId, round))];
        list = new address[](committed.length);
        for (uint256 i = 0; i < list.length; i++) list[i] = committed[i];
        for (uint256 i = 1; i < list.length; i++) {
            for (uint256 j = i; j > 0 && list[j - 1] > list[j]; j--) (list[j - 1], list[j]) = (list[j], list[j - 1]);
        }
        scores = new int64[](list.length);
        for (uint256 i = 0; i < list.length; i++) scores[i] = i == 0 ? int64(400_000) : int64(-100_000);
    }

    function _honestScoresHash(uint256 planId, uint32 round) internal view returns (bytes32) {
        (address[] memory list, int64[] memory scores) = _honestVector(planId, round);
        return keccak256(abi.encode(planId, round, list, scores));
    }
}
