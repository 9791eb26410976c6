// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams} from "../../src/ledger/LedgerTypes.sol";

contract AgreementsTest is ConsortiumFixture {
    uint8 constant AGGREGATE = 0;
    uint8 constant SCORES = 1;

    function test_aQuorumOfCommits_agreesTheAggregate() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _commitVoting(members[0], planId, 1, _model(0), 0);
        _commitVoting(members[1], planId, 1, _model(0), 0);
        (, uint8 votes, bool agreed) = admin().tallyOf(planId, AGGREGATE, 0);
        assertEq(votes, 2);
        assertFalse(agreed); // ceil(4 * 51 %) = 3
        _commitVoting(members[2], planId, 1, _model(0), 0);
        (, votes, agreed) = admin().tallyOf(planId, AGGREGATE, 0);
        assertTrue(agreed);
    }

    function test_anAgreement_needsTwoVoters_evenWhenOneIsAQuorum() public {
        PlanParams memory p = _params(members);
        uint256 planId = _start(p);
        vm.prank(members[0]);
        ledger.optIn(planId);
        vm.prank(members[1]);
        ledger.optIn(planId);
        vm.warp(block.timestamp + 100);
        vm.prank(members[0]);
        ledger.advance(planId);
        _fullRound(planId, 0, _pair(), new int64[](0));
        assertTrue(_remove(members[1])); // one live participant left: ceil(1 * 51 %) = 1, but never fewer than 2
        _commitVoting(members[0], planId, 1, _model(0), 0);
        (, uint8 votes, bool agreed) = admin().tallyOf(planId, AGGREGATE, 0);
        assertEq(votes, 1);
        assertFalse(agreed);
    }

    function test_theRecordedSentinel_cannotBeVoted() public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.ReservedHash.selector, bytes32(uint256(1))));
        ledger.voteScores(planId, 1, bytes32(uint256(1)));
    }

    function test_aRemovedVoter_stopsCountingTowardsAnOpenAgreement() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _commitVoting(members[0], planId, 1, _model(0), 0);
        _commitVoting(members[1], planId, 1, _model(0), 0);
        assertTrue(_remove(members[0]));
        _commitVoting(members[2], planId, 1, _model(0), 0); // applies the removal first: members[0]'s vote is undone
        (, uint8 votes, bool agreed) = admin().tallyOf(planId, AGGREGATE, 0);
        assertEq(votes, 2); // members[1] and members[2]; quorum of 3 live is 2
        assertTrue(agreed);
    }

    function test_aRemovedDissenter_stopsCountingForItsHash() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _commitVoting(members[0], planId, 1, _model(0), 0);
        _commitVoting(members[1], planId, 1, keccak256("other"), 0);
        _commitVoting(members[2], planId, 1, keccak256("other"), 0);
        assertTrue(_remove(members[1]));
        _commitVoting(members[3], planId, 1, keccak256("other"), 0); // [1]'s dissent undone: 2 of 3 live agree
        (bytes32 leading, , bool agreed) = admin().tallyOf(planId, AGGREGATE, 0);
        assertTrue(agreed);
        assertEq(leading, keccak256("other"));
    }

    function test_voteAggregate_afterCompletion_byARemovedMember_reverts() public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        assertTrue(_remove(members[0]));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, members[0]));
        ledger.voteAggregate(planId, 5, keccak256("anything"));
    }

    function test_releaseModel_ofTheAgreedLastAggregate_succeeds_ofAnyOther_reverts() public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteAggregate(planId, 5, _model(5));
        }
        assertFalse(_pass(address(ledger), abi.encodeCall(admin().releaseModel, (planId, keccak256("other"), keccak256("report"))), "bad"));
        assertTrue(_pass(address(ledger), abi.encodeCall(admin().releaseModel, (planId, _model(5), keccak256("report"))), "good"));
        assertEq(admin().releasedModel(planId), _model(5));
    }

    function _pair() private view returns (address[] memory p) {
        p = new address[](2);
        (p[0], p[1]) = (members[0], members[1]);
    }
}
