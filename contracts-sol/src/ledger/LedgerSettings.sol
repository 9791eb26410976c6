// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerBase} from "./LedgerBase.sol";
import {LifetimeSpend} from "./LedgerTypes.sol";

/// @title What governance sets for every plan: lifetime privacy budgets and the reward-pool cap;
/// and the removal log the registry appends to.
/// @notice A member's lifetime budget is per dataset (a plan's schema hash) and spans every plan on
/// it: the ledger charges each commit of a training round the plan's epsilonPerRound against both
/// the plan budget and the lifetime budget. Governance sets a dataset's budget, or the default for
/// datasets it set none for. Budgets are cached per (member, dataset) and refreshed when any budget
/// changes (budgetEpoch), so a steady commit reads no budget slot.
/// @dev Removal is O(1): the registry's hook appends the account to the removal log. Each plan applies
/// the log lazily (PlanMembership), the next time anyone touches the plan.
abstract contract LedgerSettings is LedgerBase {
    function _initSettings(uint64 defaultLifetimeBudget_, uint128 maxRewardPool_) internal {
        _setDefaultLifetimeBudget(defaultLifetimeBudget_);
        _setMaxRewardPool(maxRewardPool_);
    }

    /// @dev The registry removed a member or auditor: log it, whatever plans it is in. One slot
    /// written, no loop: plans drop it when next touched.
    function _logRemoval(address account) internal {
        if (msg.sender != address(membership)) revert NotMembership(msg.sender);
        uint32 n = _globals.removalCount;
        _removalLog[n] = account;
        _globals.removalCount = n + 1;
    }

    function _setLifetimeBudget(bytes32 dataset, uint64 budget) internal {
        if (dataset == bytes32(0)) revert ZeroHash("dataset");
        _datasetBudgets[_datasetId(dataset)] = uint72(budget) + 1;
        _globals.budgetEpoch += 1;
        emit LifetimeBudgetSet(dataset, budget);
    }

    function _setDefaultLifetimeBudget(uint64 budget) internal {
        _globals.defaultLifetimeBudget = budget;
        _globals.budgetEpoch += 1;
        emit DefaultLifetimeBudgetSet(budget);
    }

    function _setMaxRewardPool(uint128 maxRewardPool_) internal {
        _globals.maxRewardPool = maxRewardPool_;
        emit MaxRewardPoolSet(maxRewardPool_);
    }

    function _lifetimeBudget(bytes32 dataset) internal view returns (uint64) {
        return _budgetOf(_datasetIds[dataset]);
    }

    function _lifetimeSpent(address member, bytes32 dataset) internal view returns (uint64) {
        uint32 id = _datasetIds[dataset];
        return id == 0 ? 0 : _lifetime[member][id].spent;
    }

    function _budgetOf(uint32 id) internal view returns (uint64) {
        uint72 set = id == 0 ? 0 : _datasetBudgets[id];
        return set == 0 ? _globals.defaultLifetimeBudget : uint64(set - 1);
    }

    function _datasetId(bytes32 dataset) internal returns (uint32 id) {
        id = _datasetIds[dataset];
        if (id == 0) {
            id = ++_datasetCount;
            _datasetIds[dataset] = id;
            _datasetHashes[id] = dataset;
        }
    }

    /// @dev Charges `amount` against the member's lifetime budget on the dataset; reverts past it.
    function _chargeLifetime(address member, uint32 datasetId, uint32 amount, uint32 budgetEpoch) internal {
        LifetimeSpend memory l = _lifetime[member][datasetId].load();
        if (l.epoch != budgetEpoch + 1) {
            l.budget = _budgetOf(datasetId);
            l.epoch = budgetEpoch + 1;
        }
        uint256 wouldSpend = uint256(l.spent) + amount;
        if (wouldSpend > l.budget) revert LifetimeBudgetExceeded(member, _datasetHashes[datasetId], wouldSpend, l.budget);
        l.spent = uint64(wouldSpend);
        _lifetime[member][datasetId].store(l);
    }
}
