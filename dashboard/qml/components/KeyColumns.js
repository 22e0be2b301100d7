.pragma library

// Column widths shared by KeyTableHeader and KeyRow, so the header and the rows line up.
var checkWidth = 40;
var nameWidth = 140;
var startWidth = 110;
var ownerWidth = 150;
var statusWidth = 210;
var creditsWidth = 90;
var lastUsedWidth = 140;
