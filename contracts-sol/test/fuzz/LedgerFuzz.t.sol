// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams, PlanState, Participant} from "../../src/ledger/LedgerTypes.sol";

/// @notice Every external function of TrainingLedger and LedgerAdministration with fuzzed callers and inputs.
contract LedgerFuzzTest is ConsortiumFixture {
    function _notGovernance(address caller) internal view {
        vm.assume(caller != address(timelock));
    }

    function testFuzz_startPlan_byAnyoneButGovernance_reverts(address caller) public {
        _notGovernance(caller);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotGovernance.selector, caller));
        admin().startPlan(_params(members));
    }

    function testFuzz_startPlan_startsValidPlans_refusesTheRest(
        uint32 rounds,
        uint8 setupRounds,
        uint32 commitWindow,
        uint32 availabilityWindow,
        uint8 minParticipants,
        uint8 quorumPercent,
        uint32 epsilonPerRound,
        uint64 epsilonBudget,
        uint8 scoresLag,
        uint64 maxSamples
    ) public {
        PlanParams memory p = _params(members);
        p.rounds = uint32(bound(rounds, 0, 40));
        p.setupRounds = setupRounds % 4;
        p.commitWindow = commitWindow % 300;
        p.availabilityWindow = availabilityWindow % 300;
        p.minParticipants = minParticipants % 6;
        p.quorumPercent = quorumPercent;
        p.epsilonPerRound = epsilonPerRound;
        p.epsilonBudget = epsilonBudget;
        p.scoresLag = scoresLag % 4;
        p.maxSamples[1] = maxSamples;
        bool valid = p.rounds > 0 && p.setupRounds < p.rounds && p.commitWindow > 0 && p.availabilityWindow > 0
            && p.availabilityWindow < p.commitWindow && p.minParticipants >= 2 && p.minParticipants <= 4 && p.quorumPercent > 50
            && p.quorumPercent <= 100 && (p.epsilonPerRound == 0 || p.epsilonBudget >= p.epsilonPerRound) && p.scoresLag >= 1
            && p.scoresLag <= 2 && maxSamples > 0 && maxSamples < 2 ** 48;
        vm.prank(address(timelock));
        try admin().startPlan(p) returns (uint256 planId) {
            assertTrue(valid, "an invalid plan started");
            PlanState memory s = _state(planId);
            assertEq(s.totalRounds, p.rounds);
            uint256 training = p.rounds - p.setupRounds;
            uint256 limit = p.epsilonPerRound == 0 ? training : p.epsilonBudget / p.epsilonPerRound;
            assertEq(s.chargeLimit, limit < training ? limit : training);
            assertEq(_participant(planId, members[1]).maxSamples, maxSamples);
        } catch (bytes memory err) {
            assertFalse(valid, "a valid plan was refused");
            assertEq(bytes4(err), LedgerBase.InvalidPlanParameter.selector);
        }
    }

    function testFuzz_optIn_byAnyoneNotInvited_reverts(address caller) public {
        uint256 planId = _start(_params(members));
        vm.assume(caller != members[0] && caller != members[1] && caller != members[2] && caller != members[3]);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotInvited.selector, planId, caller));
        ledger.optIn(planId);
    }

    function testFuzz_advance_movesOnlyWhatIsDue(uint32 wait, uint8 who) public {
        uint256 planId = _running();
        _commit(members[0], planId, 0);
        vm.warp(block.timestamp + (wait % 300));
        address caller = members[who % 4];
        vm.prank(caller);
        try ledger.advance(planId) {
            assertGe(wait % 300, 100, "advanced before the deadline");
            assertEq(_state(planId).currentRound, 1);
        } catch (bytes memory err) {
            assertLt(wait % 300, 100);
            assertEq(bytes4(err), LedgerBase.NothingToAdvance.selector);
        }
    }

    function testFuzz_commit_chargesExactlyThePlansEpsilon_andKeepsItsChecks(
        uint8 who,
        uint32 round,
        bytes32 blobHash,
        uint64 sampleCount,
        bytes32 aggregateVote,
        bytes32 scoresVote,
        bytes32 pinnedHash,
        uint256 missing
    ) public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        address m = members[who % 4];
        uint64 spentBefore = admin().epsilonSpent(planId, m);
        vm.prank(m);
        try ledger.commit(planId, round, blobHash, sampleCount, aggregateVote, scoresVote, pinnedHash, missing) {
            assertEq(round, 1);
            assertTrue(blobHash != bytes32(0));
            assertTrue(sampleCount > 0 && sampleCount <= 1000);
            assertEq(admin().epsilonSpent(planId, m), spentBefore + EPSILON_PER_ROUND);
            assertEq(_participant(planId, m).lastCommit, 2);
        } catch {
            assertEq(admin().epsilonSpent(planId, m), spentBefore);
        }
        assertLe(admin().lifetimeSpent(m, SCHEMA), LIFETIME);
    }

    function testFuzz_commit_byAnyoneNotParticipating_reverts(address caller) public {
        uint256 planId = _running();
        vm.assume(caller != members[0] && caller != members[1] && caller != members[2] && caller != members[3]);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, caller));
        ledger.commit(planId, 0, keccak256("x"), 1, 0, 0, 0, 0);
    }

    /// @dev Mostly a member (so the success path runs), one time in five `any`.
    function _actor(uint8 who, address any) internal view returns (address) {
        return who % 5 == 4 ? any : members[who % 5];
    }

    function _isMember(address a) internal view returns (bool) {
        return a == members[0] || a == members[1] || a == members[2] || a == members[3];
    }

    function testFuzz_voteAggregateAndScores_countOnlyParticipantsInWindow(uint8 who, address any, uint32 round, bytes32 hash, bool scores) public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        round = round % 4;
        address caller = _actor(who, any);
        bool inWindow = scores ? round == 1 || round == 2 : round == 2;
        bool ok;
        vm.prank(caller);
        if (scores) {
            try ledger.voteScores(planId, round, hash) { ok = true; } catch {}
        } else {
            try ledger.voteAggregate(planId, round, hash) { ok = true; } catch {}
        }
        assertEq(ok, _isMember(caller) && inWindow && hash != bytes32(0) && hash != bytes32(uint256(1)));
        if (ok) {
            (bytes32 leading, uint8 votes,) = admin().tallyOf(planId, scores ? 1 : 0, round);
            assertEq(votes, leading == hash ? 1 : 0);
        }
    }

    function testFuzz_voteExclusion_onlyForCommittersOfTheLastRound(uint8 who, address any, uint32 round, uint256 missing) public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _fullRound(planId, 1, members, new int64[](0));
        vm.warp(block.timestamp + 20);
        address caller = _actor(who, any);
        round = round % 3;
        missing = missing % 32;
        vm.prank(caller);
        try ledger.voteExclusion(planId, round, missing) {
            assertTrue(_isMember(caller));
            assertEq(round, 1);
            assertTrue(missing != 0 && missing < 16 && (missing >> _participant(planId, caller).index) & 1 == 0);
            assertEq(admin().ballotOf(planId, round, caller), missing);
        } catch {
            assertEq(admin().ballotOf(planId, round, caller), 0);
        }
    }

    function testFuzz_pin_onlyParticipants_onlyClosedRounds(uint8 who, address any, uint32 round, bytes32 hash) public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        address caller = _actor(who, any);
        round = round % 3;
        vm.prank(caller);
        try ledger.pin(planId, round, hash) {
            assertTrue(_isMember(caller));
            assertEq(round, 0);
            assertTrue(hash != bytes32(0));
        } catch {
            assertFalse(_isMember(caller) && round == 0 && hash != bytes32(0));
        }
    }

    function testFuzz_recordScores_ofAnAgreedVector_acceptsOnlyBoundedScores_andNeverMintsPastThePool(int64 a, int64 b, int64 c, int64 d) public {
        int64[] memory row = _scores(a, b, c, d);
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        uint256 positive;
        bool bounded = true;
        for (uint256 i = 0; i < 4; i++) {
            if (row[i] > 1e6 || row[i] < -1e6) bounded = false;
            else if (row[i] > 0) positive += uint256(int256(row[i]));
        }
        bounded = bounded && positive <= 1e6;
        // round 5 is the last: vote it on its own
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteScores(planId, 5, _scoresHash(planId, 5, members, row));
        }
        vm.prank(members[0]);
        try ledger.recordScores(planId, 5, members, row) {
            assertTrue(bounded, "an out-of-bounds vector was recorded");
        } catch {
            assertFalse(bounded, "a bounded agreed vector was refused");
        }
        vm.warp(block.timestamp + 200);
        vm.prank(members[1]);
        admin().settle(planId);
        assertLe(token.totalSupply(), 5e18);
        assertLe(token.totalSupply(), 5e18 / 5); // one recorded round of 1.0 at most
    }

    function testFuzz_onMemberRemoved_byAnyoneButTheRegistry_reverts(address caller) public {
        vm.assume(caller != address(registry));
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotMembership.selector, caller));
        ledger.onMemberRemoved(members[0]);
    }

    function testFuzz_governanceFunctions_byAnyoneButGovernance_revert(address caller, uint8 which) public {
        _notGovernance(caller);
        uint256 planId = _running();
        bytes memory call = [
            abi.encodeCall(admin().cancelPlan, (planId)),
            abi.encodeCall(admin().releaseModel, (planId, keccak256("m"), keccak256("r"))),
            abi.encodeCall(admin().setLifetimeBudget, (SCHEMA, 1)),
            abi.encodeCall(admin().setDefaultLifetimeBudget, (1)),
            abi.encodeCall(admin().setMaxRewardPool, (1))
        ][which % 5];
        vm.prank(caller);
        (bool ok, bytes memory err) = address(ledger).call(call);
        assertFalse(ok);
        assertEq(err, abi.encodeWithSelector(LedgerBase.NotGovernance.selector, caller));
    }

    function testFuzz_settings_byGovernance_apply(bytes32 dataset, uint64 budget, uint128 pool) public {
        vm.assume(dataset != bytes32(0));
        vm.startPrank(address(timelock));
        admin().setLifetimeBudget(dataset, budget);
        admin().setDefaultLifetimeBudget(budget / 2);
        admin().setMaxRewardPool(pool);
        vm.stopPrank();
        assertEq(admin().lifetimeBudget(dataset), budget);
        assertEq(admin().defaultLifetimeBudget(), budget / 2);
        assertEq(admin().maxRewardPool(), pool);
    }

    function testFuzz_cancelPlan_byGovernance_onlyActivePlans(uint8 rounds) public {
        uint256 planId = _running();
        uint32 played = rounds % 8;
        for (uint32 r = 0; r < played && r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        vm.prank(address(timelock));
        try admin().cancelPlan(planId) {
            assertLt(played, 6);
            assertEq(_state(planId).status, 4);
        } catch (bytes memory err) {
            assertGe(played, 6);
            assertEq(bytes4(err), LedgerBase.PlanNotActive.selector);
        }
    }

    function testFuzz_releaseModel_onlyTheAgreedLastAggregate(bytes32 model, bytes32 report) public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteAggregate(planId, 5, _model(5));
        }
        vm.prank(address(timelock));
        try admin().releaseModel(planId, model, report) {
            assertEq(model, _model(5));
            assertTrue(report != bytes32(0));
        } catch {
            assertTrue(model != _model(5) || report == bytes32(0));
        }
    }

    function testFuzz_settle_onlyByParticipants_onceRecordingIsOver(uint8 who, address any, uint32 wait) public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        vm.warp(block.timestamp + (wait % 400));
        address caller = _actor(who, any);
        vm.prank(caller);
        try admin().settle(planId) {
            assertTrue(_isMember(caller) && wait % 400 >= 200);
            assertTrue(admin().planConfig(planId).settled);
        } catch {
            assertFalse(_isMember(caller) && wait % 400 >= 200);
        }
        assertEq(token.totalSupply(), 0); // nothing recorded: nothing to pay
    }

    function testFuzz_views_neverRevertForAStartedPlan(address account, uint32 round, bytes32 dataset) public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        admin().participant(planId, account);
        admin().epsilonSpent(planId, account);
        admin().fitsLifetimeBudget(planId, account);
        admin().rewardOf(planId, account);
        admin().roundCommitters(planId, round);
        admin().exclusionOf(planId, round, account);
        admin().ballotOf(planId, round, account);
        admin().agreedScores(planId, round);
        admin().tallyOf(planId, uint8(round % 2), round);
        admin().lifetimeBudget(dataset);
        admin().lifetimeSpent(account, dataset);
        assertEq(admin().invitees(planId).length, 4);
        assertEq(admin().participantsByIndex(planId).length, 4);
    }
}
