import { describe, expect, it } from "vitest";
import { moveOnBoard, type Board } from "./board-data";

const board: Board = {
  columns: [
    { stage: "Qualification", total: 30, amounts: [{ currency: "USD", amount: 50_000 }, { currency: "EUR", amount: 5_000 }], deals: [{ name: "D1", status: "Qualification", amount: 10_000, currency: "USD" }, { name: "D2", status: "Qualification", amount: 5_000, currency: "EUR" }] },
    { stage: "Won", total: 4, amounts: [{ currency: "USD", amount: 9_000 }], deals: [{ name: "D3", status: "Won", amount: 9_000, currency: "USD" }] },
  ],
};

describe("moveOnBoard", () => {
  it("moves the card to the top of its new column; counts and values follow, per currency", () => {
    const next = moveOnBoard(board, "D2", "Won", { modified: "later" });
    expect(next.columns[0]).toMatchObject({ total: 29, amounts: [{ currency: "USD", amount: 50_000 }] });
    expect(next.columns[0]!.deals.map((d) => d.name)).toEqual(["D1"]);
    expect(next.columns[1]).toMatchObject({ total: 5, amounts: [{ currency: "USD", amount: 9_000 }, { currency: "EUR", amount: 5_000 }] });
    expect(next.columns[1]!.deals[0]).toMatchObject({ name: "D2", status: "Won", modified: "later" });
  });
  it("a value that drops to nothing leaves the column's amounts", () => {
    expect(moveOnBoard(board, "D3", "Qualification").columns[1]).toMatchObject({ total: 3, amounts: [] });
  });
  it("leaves the board as it is for an unknown deal or stage", () => {
    expect(moveOnBoard(board, "D9", "Won")).toBe(board);
    expect(moveOnBoard(board, "D1", "Nowhere")).toBe(board);
  });
});
