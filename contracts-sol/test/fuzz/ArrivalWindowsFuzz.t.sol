// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";
import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams} from "../../src/ledger/LedgerTypes.sol";

/// @notice Asynchronous plans under any buffer size and any arrival order: every window closes at
/// its K-th commit, its ArrivalsClosed event lists exactly its commits in chain order, and every commit
/// is charged the plan's epsilon, up to the plan budget.
contract ArrivalWindowsFuzzTest is ConsortiumFixture {
    bytes32 private constant ARRIVALS = keccak256("ArrivalsClosed(uint256,uint32,address[])");

    function testFuzz_windows_closeAtK_listTheirCommitsInOrder_andChargeEachCommit(uint8 k, uint256 orderSeed, uint8 steps) public {
        PlanParams memory p = _params(members);
        p.bufferSize = uint8(bound(k, 1, members.length));
        p.epsilonBudget = 3 * EPSILON_PER_ROUND; // fewer charges than the 5 training windows
        uint256 planId = _start(p);
        for (uint256 i = 0; i < members.length; i++) {
            vm.prank(members[i]);
            ledger.optIn(planId);
        }
        _fullRound(planId, 0, members, new int64[](0));

        address[] memory window = new address[](members.length);
        uint256 inWindow = 0;
        uint256[4] memory commits;
        uint256 n = bound(steps, 1, 40);
        vm.recordLogs();
        for (uint256 i = 0; i < n && _state(planId).status == 1; i++) {
            uint256 who = uint256(keccak256(abi.encode(orderSeed, i))) % members.length;
            uint32 round = _state(planId).currentRound;
            vm.prank(members[who]);
            try ledger.commit(planId, round, _blob(members[who], round), 100, 0, 0, 0, 0) {
                commits[who] += 1;
                window[inWindow++] = members[who];
                if (inWindow == p.bufferSize) {
                    assertEq(_state(planId).currentRound, round + 1, "the K-th commit closes the window");
                    _assertArrivals(planId, round, window, inWindow);
                    inWindow = 0;
                } else {
                    assertEq(_state(planId).currentRound, round, "a window below K stays open");
                }
            } catch (bytes memory err) {
                // only a second commit into one window, or a spent budget, is refused
                bytes4 why = bytes4(err);
                assertTrue(why == LedgerBase.AlreadyCommitted.selector || why == LedgerBase.PrivacyBudgetExceeded.selector);
            }
        }
        for (uint256 m = 0; m < members.length; m++) {
            assertLe(commits[m], 3);
            assertEq(admin().epsilonSpent(planId, members[m]), commits[m] * EPSILON_PER_ROUND);
        }
    }

    /// @dev The last ArrivalsClosed recorded since the previous call names `round` and exactly `window[:count]`.
    function _assertArrivals(uint256 planId, uint32 round, address[] memory window, uint256 count) private {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool found = false;
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].topics[0] != ARRIVALS) continue;
            assertEq(uint256(logs[i].topics[1]), planId);
            assertEq(uint256(logs[i].topics[2]), round);
            address[] memory arrivals = abi.decode(logs[i].data, (address[]));
            assertEq(arrivals.length, count);
            for (uint256 j = 0; j < count; j++) assertEq(arrivals[j], window[j]);
            found = true;
        }
        assertTrue(found, "the closing commit emits ArrivalsClosed");
    }
}
