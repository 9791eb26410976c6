// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams, PlanState} from "../../src/ledger/LedgerTypes.sol";

/// @notice Analysis plans: started like training plans with kind 1, closed by a quorum of equal
/// result hashes (early when rounds are left), charged their epsilon once.
contract AnalysisPlansTest is ConsortiumFixture {
    uint32 internal constant ANALYSIS_EPSILON = 300_000;

    event ResultAgreed(uint256 indexed planId, uint32 indexed round, bytes32 resultHash, uint16 votes);
    event PlanCompleted(uint256 indexed planId);

    /// @dev At most 8 rounds, no setup round, one sample per commit (a site's rows stay off-chain), DP releases of 0.3 epsilon.
    function _analysisParams(address[] memory invited) internal pure returns (PlanParams memory p) {
        p = _params(invited);
        p.kind = 1;
        p.rounds = 8;
        p.setupRounds = 0;
        p.rewardPool = 0;
        p.epsilonPerRound = ANALYSIS_EPSILON;
        p.epsilonBudget = ANALYSIS_EPSILON;
        for (uint256 i = 0; i < invited.length; i++) p.maxSamples[i] = 1;
    }

    function _runningAnalysis(address[] memory invited) internal returns (uint256 planId) {
        planId = _start(_analysisParams(invited));
        for (uint256 i = 0; i < invited.length; i++) {
            vm.prank(invited[i]);
            ledger.optIn(planId);
        }
    }

    /// @dev Every listed member commits `round` with one sample, voting round - 1's sum.
    function _analysisRound(uint256 planId, uint32 round, address[] memory list) internal {
        bytes32 sum = round == 0 ? bytes32(0) : _model(round - 1);
        for (uint256 i = 0; i < list.length; i++) {
            vm.prank(list[i]);
            ledger.commit(planId, round, _blob(list[i], round), 1, sum, bytes32(0), bytes32(0), 0);
        }
    }

    function _vote(address m, uint256 planId, uint32 round, bytes32 hash) internal {
        vm.prank(m);
        ledger.voteResult(planId, round, hash);
    }

    function test_voteResult_aQuorumOfEqualHashes_closesThePlanEarly() public {
        uint256 planId = _runningAnalysis(members);
        for (uint32 r = 0; r < 3; r++) _analysisRound(planId, r, members);
        bytes32 result = keccak256("analysis.json");
        _vote(members[0], planId, 2, result);
        _vote(members[1], planId, 2, result);
        assertEq(_state(planId).status, 2, "two of four are below the quorum of three");

        vm.expectEmit(address(ledger));
        emit ResultAgreed(planId, 2, result, 3);
        vm.expectEmit(address(ledger));
        emit PlanCompleted(planId);
        _vote(members[2], planId, 2, result);

        PlanState memory s = _state(planId);
        assertEq(s.status, 3);
        assertEq(s.currentRound, 3, "round 3 was open and closed empty; no later round opened");
        (bytes32 hash, uint32 round, bool agreed) = admin().agreedResult(planId);
        assertEq(hash, result);
        assertEq(round, 2);
        assertTrue(agreed);
        vm.prank(members[3]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.PlanNotRunning.selector, planId, uint8(3)));
        ledger.commit(planId, 3, _blob(members[3], 3), 1, _model(2), 0, 0, 0);
        _vote(members[3], planId, 2, result); // a late equal vote is still recorded
        assertEq(admin().resultVotes(planId, 2, result), 3, "votes after agreement are not counted");
    }

    function test_voteResult_differentHashes_doNotClose_andTheDissentIsRecorded() public {
        uint256 planId = _runningAnalysis(members);
        for (uint32 r = 0; r < 2; r++) _analysisRound(planId, r, members);
        _vote(members[0], planId, 1, keccak256("a"));
        _vote(members[1], planId, 1, keccak256("a"));
        vm.expectEmit(address(ledger));
        emit LedgerBase.Dissent(planId, 1, members[2], 3, keccak256("b"), keccak256("a"));
        _vote(members[2], planId, 1, keccak256("b"));
        _vote(members[3], planId, 1, keccak256("b"));
        assertEq(_state(planId).status, 2);
        (,, bool agreed) = admin().agreedResult(planId);
        assertFalse(agreed);
        _analysisRound(planId, 2, members); // the plan goes on
        assertEq(_state(planId).currentRound, 3);
    }

    function test_voteResult_neverAgreesWithOneVote_evenInAPairPlan() public {
        address[] memory pair = new address[](2);
        (pair[0], pair[1]) = (members[0], members[1]);
        uint256 planId = _runningAnalysis(pair);
        _analysisRound(planId, 0, pair);
        _vote(members[0], planId, 0, keccak256("r"));
        assertEq(_state(planId).status, 2);
        _vote(members[1], planId, 0, keccak256("r"));
        assertEq(_state(planId).status, 3);
    }

    function test_voteResult_onATrainingPlan_reverts() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotAnAnalysis.selector, planId));
        ledger.voteResult(planId, 0, keccak256("r"));
    }

    function test_voteResult_forARoundNotClosed_reverts() public {
        uint256 planId = _runningAnalysis(members);
        _analysisRound(planId, 0, members);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.VoteOutOfWindow.selector, planId, uint32(1), uint8(3)));
        ledger.voteResult(planId, 1, keccak256("r"));
    }

    function test_voteResult_twice_orZero_orByAnOutsider_reverts() public {
        uint256 planId = _runningAnalysis(members);
        _analysisRound(planId, 0, members);
        _vote(members[0], planId, 0, keccak256("r"));
        vm.startPrank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.AlreadyVoted.selector, planId, uint32(0), members[0], uint8(3)));
        ledger.voteResult(planId, 0, keccak256("other"));
        vm.stopPrank();
        vm.prank(members[1]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.ZeroHash.selector, "resultHash"));
        ledger.voteResult(planId, 0, bytes32(0));
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, outsider));
        ledger.voteResult(planId, 0, keccak256("r"));
    }

    function test_voteResult_afterTheLastRound_agreesTheResultOfAPlanThatUsedItsWholeSchedule() public {
        uint256 planId = _runningAnalysis(members);
        for (uint32 r = 0; r < 8; r++) _analysisRound(planId, r, members);
        assertEq(_state(planId).status, 3);
        for (uint256 i = 0; i < 3; i++) _vote(members[i], planId, 7, keccak256("r"));
        (bytes32 hash, uint32 round, bool agreed) = admin().agreedResult(planId);
        assertEq(hash, keccak256("r"));
        assertEq(round, 7);
        assertTrue(agreed);
        assertEq(_state(planId).currentRound, 8);
    }

    function test_analysisPlan_isChargedItsEpsilonOnce_onItsFirstRound() public {
        uint256 planId = _runningAnalysis(members);
        assertEq(admin().planEpsilonCost(planId), ANALYSIS_EPSILON);
        for (uint32 r = 0; r < 5; r++) _analysisRound(planId, r, members);
        assertEq(admin().epsilonSpent(planId, members[0]), ANALYSIS_EPSILON);
        assertEq(admin().lifetimeSpent(members[0], SCHEMA), ANALYSIS_EPSILON);
        (bool fits,, uint64 cost) = admin().fitsLifetimeBudget(planId, members[0]);
        assertTrue(fits);
        assertEq(cost, 0, "nothing left to charge");
    }

    function test_analysisPlan_spendsTheSameLifetimeBudgetAsTrainingOnItsDataset() public {
        // LIFETIME is 2.0: six analyses of 0.3 fit, the seventh's first commit does not
        for (uint256 k = 0; k < 6; k++) {
            uint256 id = _runningAnalysis(members);
            _analysisRound(id, 0, members);
        }
        uint256 planId = _runningAnalysis(members);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.LifetimeBudgetExceeded.selector, members[0], SCHEMA, uint256(7 * ANALYSIS_EPSILON), LIFETIME));
        ledger.commit(planId, 0, _blob(members[0], 0), 1, 0, 0, 0, 0);
    }

    function test_startPlan_anAnalysisWithARewardPool_orAnUnknownKind_isRefused() public {
        PlanParams memory p = _analysisParams(members);
        p.rewardPool = 1;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, "rewardPool"));
        admin().startPlan(p);
        p = _params(members);
        p.kind = 2;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, "kind"));
        admin().startPlan(p);
    }

    function test_removal_takesBackAnOpenResultVote() public {
        uint256 planId = _runningAnalysis(members);
        for (uint32 r = 0; r < 2; r++) _analysisRound(planId, r, members);
        bytes32 result = keccak256("r");
        _vote(members[0], planId, 1, result);
        assertTrue(_remove(members[0]));
        // three live participants: two votes agree, and members[0]'s no longer counts
        _vote(members[1], planId, 1, result);
        assertEq(_state(planId).status, 2, "the removed member's vote still counted");
        assertEq(admin().resultVotes(planId, 1, result), 1);
        _vote(members[2], planId, 1, result);
        assertEq(_state(planId).status, 3);
    }

    function testFuzz_voteResult_completesThePlanOnlyWhenAQuorumOfEqualVotesIsReached(uint256 seed) public {
        uint256 planId = _runningAnalysis(members);
        for (uint32 r = 0; r < 3; r++) _analysisRound(planId, r, members);
        uint256[4] memory counts; // (round 1 or 2) x (hash a or b)
        int256 first = -1;
        for (uint256 i = 0; i < 4; i++) {
            uint256 choice = (seed >> (2 * i)) & 3;
            uint32 round = uint32(1 + (choice >> 1));
            _vote(members[i], planId, round, keccak256(abi.encode(choice & 1)));
            if (first < 0 && ++counts[choice] >= 3) first = int256(choice);
        }
        (bytes32 hash, uint32 agreedRound, bool agreed) = admin().agreedResult(planId);
        assertEq(agreed, first >= 0);
        assertEq(_state(planId).status, first >= 0 ? 3 : 2);
        if (first >= 0) {
            assertEq(hash, keccak256(abi.encode(uint256(first) & 1)));
            assertEq(agreedRound, 1 + (uint256(first) >> 1));
        }
    }
}
