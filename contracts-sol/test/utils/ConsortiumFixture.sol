// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";
import {IMemberRemovalListener} from "../../src/membership/IMemberRemovalListener.sol";
import {ConsortiumGovernor, GovernorTerms} from "../../src/governance/ConsortiumGovernor.sol";
import {ConsortiumTimelock} from "../../src/governance/ConsortiumTimelock.sol";
import {RewardToken} from "../../src/rewards/RewardToken.sol";
import {IMembership} from "../../src/ledger/LedgerBase.sol";
import {TrainingLedger} from "../../src/ledger/TrainingLedger.sol";
import {LedgerAdministration} from "../../src/ledger/LedgerAdministration.sol";
import {PlanParams, PlanState, Participant} from "../../src/ledger/LedgerTypes.sol";

/// @notice A deployed consortium as ConsortiumDeployer wires it: registry, timelock (governor proposes,
/// executes and cancels; a guardian cancels), governor, token, ledger and its administration; the test
/// contract bootstraps `n` founders and then holds no role. Helpers drive plans and governance.
abstract contract ConsortiumFixture is Test {
    uint48 internal constant VOTING_DELAY = 1;
    uint32 internal constant VOTING_PERIOD = 10;
    uint256 internal constant TIMELOCK_DELAY = 1;
    uint256 internal constant GRACE = 3600;
    uint64 internal constant LIFETIME = 2_000_000; // micro-epsilon per (member, dataset)
    uint128 internal constant MAX_POOL = 1e30;
    uint32 internal constant EPSILON_PER_ROUND = 100_000;
    bytes32 internal constant SCHEMA = keccak256("schema");

    MembershipRegistry internal registry;
    ConsortiumTimelock internal timelock;
    ConsortiumGovernor internal governor;
    RewardToken internal token;
    TrainingLedger internal ledger;
    address[] internal members;
    address internal guardian = makeAddr("guardian");
    address internal outsider = makeAddr("outsider");

    function setUp() public virtual {
        _deploy(4);
    }

    function _deploy(uint256 n) internal {
        registry = new MembershipRegistry();
        address[] memory none = new address[](0);
        address[] memory guardians = new address[](1);
        guardians[0] = guardian;
        timelock = new ConsortiumTimelock(TIMELOCK_DELAY, 1, GRACE, none, none, guardians, address(this));
        GovernorTerms memory terms = GovernorTerms(VOTING_DELAY, VOTING_PERIOD, 51, 1);
        governor = new ConsortiumGovernor(IVotes(address(registry)), timelock, terms, terms);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));

        token = new RewardToken();
        IMembership m = IMembership(address(registry));
        LedgerAdministration administration = new LedgerAdministration(m, address(timelock), token);
        ledger = new TrainingLedger(m, address(timelock), token, address(administration), LIFETIME, MAX_POOL);
        token.transferOwnership(address(ledger));

        members = new address[](n);
        MembershipRegistry.Role[] memory roles = new MembershipRegistry.Role[](n);
        string[] memory names = new string[](n);
        string[] memory endpoints = new string[](n);
        for (uint256 i = 0; i < n; i++) {
            members[i] = address(uint160(0x1000 + i)); // ascending addresses
            roles[i] = MembershipRegistry.Role.Member;
            names[i] = string.concat("Hospital ", vm.toString(i));
            endpoints[i] = "127.0.0.1:7000";
        }
        registry.bootstrap(address(timelock), IMemberRemovalListener(address(ledger)), members, roles, names, endpoints);
        vm.warp(block.timestamp + 1); // the founders' votes count from the next second
    }

    function admin() internal view returns (LedgerAdministration) {
        return LedgerAdministration(address(ledger));
    }

    // Plans

    /// @dev 6 rounds (round 0 is setup), 100 s windows, charged 0.1 epsilon per training round,
    /// a pool of 5e18 (1e18 per training round's 1.0 of score).
    function _params(address[] memory invited) internal pure returns (PlanParams memory p) {
        uint64[] memory maxSamples = new uint64[](invited.length);
        for (uint256 i = 0; i < invited.length; i++) maxSamples[i] = 1000;
        p = PlanParams({
            planHash: keccak256("plan"),
            schemaHash: SCHEMA,
            invited: invited,
            maxSamples: maxSamples,
            rounds: 6,
            setupRounds: 1,
            commitWindow: 100,
            enrolmentWindow: 100,
            availabilityWindow: 20,
            settlementWindow: 200,
            minParticipants: 2,
            quorumPercent: 51,
            epsilonPerRound: EPSILON_PER_ROUND,
            epsilonBudget: 1_000_000,
            secureAggregation: false,
            contributionMode: 0,
            scoresLag: 2,
            rewardPool: 5e18,
            kind: 0,
            bufferSize: 0
        });
    }

    function _start(PlanParams memory p) internal returns (uint256 planId) {
        vm.prank(address(timelock));
        planId = admin().startPlan(p);
    }

    /// @dev A plan inviting every member, all opted in (round 0 open).
    function _running() internal returns (uint256 planId) {
        planId = _start(_params(members));
        for (uint256 i = 0; i < members.length; i++) {
            vm.prank(members[i]);
            ledger.optIn(planId);
        }
    }

    function _commit(address m, uint256 planId, uint32 round) internal {
        _commitVoting(m, planId, round, bytes32(0), bytes32(0));
    }

    function _commitVoting(address m, uint256 planId, uint32 round, bytes32 aggregateVote, bytes32 scoresVote) internal {
        vm.prank(m);
        ledger.commit(planId, round, _blob(m, round), 100, aggregateVote, scoresVote, bytes32(0), 0);
    }

    /// @dev Every live member commits `round`, voting the model of round - 1 and the scores `scores` gives for round - 2.
    function _fullRound(uint256 planId, uint32 round, address[] memory committers, int64[] memory scoresOfLagged) internal {
        bytes32 agg = round == 0 ? bytes32(0) : _model(round - 1);
        bytes32 sc = round < 3 || scoresOfLagged.length == 0 ? bytes32(0) : _scoresHash(planId, round - 2, committers, scoresOfLagged);
        for (uint256 i = 0; i < committers.length; i++) _commitVoting(committers[i], planId, round, agg, sc);
    }

    function _blob(address m, uint32 round) internal pure returns (bytes32) {
        return keccak256(abi.encode("blob", m, round));
    }

    function _model(uint32 round) internal pure returns (bytes32) {
        return keccak256(abi.encode("model", round));
    }

    function _scoresHash(uint256 planId, uint32 round, address[] memory list, int64[] memory scores) internal pure returns (bytes32) {
        return keccak256(abi.encode(planId, round, list, scores));
    }

    function _state(uint256 planId) internal view returns (PlanState memory) {
        return admin().planState(planId);
    }

    function _participant(uint256 planId, address m) internal view returns (Participant memory) {
        return admin().participant(planId, m);
    }

    function _firstThree() internal view returns (address[] memory three) {
        three = new address[](3);
        (three[0], three[1], three[2]) = (members[0], members[1], members[2]);
    }

    function _scores(int64 a, int64 b, int64 c, int64 d) internal pure returns (int64[] memory s) {
        s = new int64[](4);
        (s[0], s[1], s[2], s[3]) = (a, b, c, d);
    }

    // Governance

    /// @dev Proposes, has every listed member vote For, queues and executes; returns whether it executed.
    function _pass(address target, bytes memory data, string memory description, address[] memory voters) internal returns (bool) {
        _voted(target, data, description, voters);
        return _queueAndExecute(target, data, description);
    }

    /// @dev Proposes and has every listed member vote For; returns the proposal id, just after its vote closed.
    function _voted(address target, bytes memory data, string memory description, address[] memory voters) internal returns (uint256 id) {
        id = _propose(target, data, description);
        vm.warp(governor.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < voters.length; i++) {
            vm.prank(voters[i]);
            governor.castVote(id, 1);
        }
        vm.warp(governor.proposalDeadline(id) + 1);
    }

    function _pass(address target, bytes memory data, string memory description) internal returns (bool) {
        return _pass(target, data, description, members);
    }

    function _propose(address target, bytes memory data, string memory description) internal returns (uint256 id) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(target, data);
        vm.prank(members[0]);
        id = governor.propose(t, v, c, description);
    }

    function _queueAndExecute(address target, bytes memory data, string memory description) internal returns (bool) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(target, data);
        bytes32 h = keccak256(bytes(description));
        try governor.queue(t, v, c, h) {} catch { return false; }
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        try governor.execute(t, v, c, h) { return true; } catch { return false; }
    }

    function _single(address target, bytes memory data) internal pure returns (address[] memory t, uint256[] memory v, bytes[] memory c) {
        t = new address[](1);
        v = new uint256[](1);
        c = new bytes[](1);
        (t[0], c[0]) = (target, data);
    }

    function _remove(address m) internal returns (bool) {
        address[] memory voters = _without(members, m);
        return _pass(address(registry), abi.encodeCall(MembershipRegistry.remove, (m)), string.concat("remove ", vm.toString(m)), voters);
    }

    function _without(address[] memory list, address m) internal pure returns (address[] memory out) {
        uint256 k;
        out = new address[](list.length);
        for (uint256 i = 0; i < list.length; i++) if (list[i] != m) out[k++] = list[i];
        assembly ("memory-safe") {
            mstore(out, k)
        }
    }
}
