.pragma library

// Column widths shared by KeyTableHeader and KeyRow, so the header and the rows line up. Every
// column but the name is exactly this wide (minimum = preferred = maximum): a long name, a row
// with more badges or a scroll bar appearing never moves a column; the name takes the rest.
var checkWidth = 40;
var nameWidth = 140;
var startWidth = 110;
var ownerWidth = 150;
var statusWidth = 240;
var creditsWidth = 90;
var lastUsedWidth = 140;
