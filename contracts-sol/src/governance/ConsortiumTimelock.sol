// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title The consortium's timelock: every governance decision waits here before it executes.
/// @notice OpenZeppelin's TimelockController with two additions: a delay floor that no later
/// `updateDelay` can go below, and expiry: an operation not executed within `gracePeriod` seconds of
/// becoming ready can never execute (OpenZeppelin 5 keeps ready operations executable forever).
/// Roles (wired by the deployer, who then renounces its admin role): the governor proposes, executes
/// and cancels; the guardians only cancel, a veto over queued decisions that cannot make one.
contract ConsortiumTimelock is TimelockController {
    /// @notice No deployment may choose a delay floor below this (seconds).
    uint256 public constant MIN_DELAY_FLOOR = 1;
    /// @notice No deployment may choose a grace period below this (seconds).
    uint256 public constant MIN_GRACE_PERIOD = 10;

    /// @notice The smallest delay this timelock accepts, chosen at deployment.
    uint256 public immutable delayFloor;
    /// @notice Seconds a ready operation stays executable.
    uint256 public immutable gracePeriod;

    error DelayBelowFloor(uint256 delay, uint256 floor);
    error GracePeriodTooShort(uint256 gracePeriod, uint256 floor);
    error OperationExpired(bytes32 id, uint256 expiredAt);

    /// @param cancellers the guardians: accounts that may cancel a queued operation (and nothing else)
    constructor(
        uint256 minDelay,
        uint256 delayFloor_,
        uint256 gracePeriod_,
        address[] memory proposers,
        address[] memory executors,
        address[] memory cancellers,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (delayFloor_ < MIN_DELAY_FLOOR) revert DelayBelowFloor(delayFloor_, MIN_DELAY_FLOOR);
        if (minDelay < delayFloor_) revert DelayBelowFloor(minDelay, delayFloor_);
        if (gracePeriod_ < MIN_GRACE_PERIOD) revert GracePeriodTooShort(gracePeriod_, MIN_GRACE_PERIOD);
        delayFloor = delayFloor_;
        gracePeriod = gracePeriod_;
        for (uint256 i = 0; i < cancellers.length; i++) {
            _grantRole(CANCELLER_ROLE, cancellers[i]);
        }
    }

    /// @notice When a scheduled operation stops being executable (0 for one not pending).
    function expiresAt(bytes32 id) public view returns (uint256) {
        return isOperationPending(id) ? getTimestamp(id) + gracePeriod : 0;
    }

    function isOperationExpired(bytes32 id) public view returns (bool) {
        return isOperationPending(id) && block.timestamp > getTimestamp(id) + gracePeriod;
    }

    /// @dev Through governance only (the timelock calls itself), and never below the floor.
    function updateDelay(uint256 newDelay) public override {
        if (newDelay < delayFloor) revert DelayBelowFloor(newDelay, delayFloor);
        super.updateDelay(newDelay);
    }

    function execute(address target, uint256 value, bytes calldata payload, bytes32 predecessor, bytes32 salt)
        public
        payable
        override
    {
        _requireNotExpired(hashOperation(target, value, payload, predecessor, salt));
        super.execute(target, value, payload, predecessor, salt);
    }

    function executeBatch(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 predecessor,
        bytes32 salt
    ) public payable override {
        _requireNotExpired(hashOperationBatch(targets, values, payloads, predecessor, salt));
        super.executeBatch(targets, values, payloads, predecessor, salt);
    }

    function _requireNotExpired(bytes32 id) private view {
        if (isOperationExpired(id)) revert OperationExpired(id, getTimestamp(id) + gracePeriod);
    }
}
